using Tuoyu.Web.Common.Security;

namespace Tuoyu.Web.Modules.Identity.Users;

/// <summary>/api/v1/users and the /users pages: 三权分立 account administration (ADR 0012).</summary>
internal static class UserAdministration
{
    public static IServiceCollection AddUserAdministration(this IServiceCollection services) => services
        .AddScoped<UserRules>()
        .AddScoped<UserQueryHandler>()
        .AddScoped<UserAccountHandler>()
        .AddScoped<UserSecurityHandler>();

    public static IEndpointRouteBuilder MapUserAdministration(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/users").WithTags("用户管理");
        g.MapGet("/", (string? keyword, string? kind, int? page, int? pageSize, UserQueryHandler h, CancellationToken ct) =>
                h.ListAsync(keyword, kind, page ?? 1, pageSize ?? 20, ct))
            .RequirePermission(Permissions.UserRead).WithSummary("用户列表（分页）");
        g.MapGet("/export", async (string? keyword, string? kind, UserQueryHandler h, CancellationToken ct) =>
                TypedResults.File(await h.ExportAsync(keyword, kind, ct), Common.Ui.ExcelExport.ContentType, "用户.xlsx"))
            .RequirePermission(Permissions.UserRead).WithSummary("导出用户（Excel）");
        g.MapGet("/{id:guid}", (Guid id, UserQueryHandler h, CancellationToken ct) => h.GetAsync(id, ct))
            .RequirePermission(Permissions.UserRead).WithSummary("用户详情");

        g.MapPost("/", async (CreateUserRequest r, UserAccountHandler h, CancellationToken ct) =>
            {
                var user = await h.CreateAsync(r, ct);
                return TypedResults.Created($"/api/v1/users/{user.Id}", user);
            })
            .RequirePermission(Permissions.UserManage).WithSummary("创建账号");
        g.MapPut("/{id:guid}/scope", (Guid id, ChangeScopeRequest r, UserAccountHandler h, CancellationToken ct) => h.ChangeScopeAsync(id, r, ct))
            .RequirePermission(Permissions.UserManage).WithSummary("修改数据范围（须带版本号；原有会话立即失效）");
        g.MapPost("/{id:guid}/disable", (Guid id, UserAccountHandler h, CancellationToken ct) => h.DisableAsync(id, ct))
            .RequirePermission(Permissions.UserManage).WithSummary("停用账号（会话立即失效）");
        g.MapPost("/{id:guid}/enable", (Guid id, UserAccountHandler h, CancellationToken ct) => h.EnableAsync(id, ct))
            .RequirePermission(Permissions.UserManage).WithSummary("启用账号");
        g.MapPost("/{id:guid}/password", (Guid id, SetPasswordRequest r, UserAccountHandler h, CancellationToken ct) => h.SetPasswordAsync(id, r, ct))
            .RequirePermission(Permissions.UserManage).WithSummary("重设初始密码");

        g.MapPost("/{id:guid}/unlock", (Guid id, UserSecurityHandler h, CancellationToken ct) => h.UnlockAsync(id, ct))
            .RequirePermission(Permissions.UserUnlock).WithSummary("解除登录锁定");
        g.MapPost("/{id:guid}/two-factor/reset", (Guid id, UserSecurityHandler h, CancellationToken ct) => h.ResetTwoFactorAsync(id, ct))
            .RequirePermission(Permissions.UserUnlock).WithSummary("重置双因素认证（用户须重新绑定）");
        return app;
    }
}
