using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Enrollment.Placement;

namespace Tuoyu.Web.Modules.Enrollment.Registration;

/// <summary>Children, guardians, pick-up persons and enrollments (issue #4 items 1 and 3, ADR 0023).</summary>
internal static class ChildrenEndpoints
{
    public static IServiceCollection AddChildRegistration(this IServiceCollection services) => services
        .AddScoped<PlacementGuard>().AddScoped<PlacementHandler>().AddScoped<RegistrationHandler>().AddScoped<FamilyHandler>()
        .AddScoped<Roster.RosterHandler>();

    public static IEndpointRouteBuilder MapChildRegistration(this IEndpointRouteBuilder app)
    {
        Roster.RosterEndpoints.MapRoster(app);
        var c = app.MapGroup("/api/v1/children").WithTags("儿童");
        c.MapPost("/", async (RegisterChildRequest r, RegistrationHandler h, CancellationToken ct) =>
            {
                var child = await h.RegisterAsync(r, ct);
                return Results.Created($"/api/v1/children/{child.Id}", child);
            })
            .RequirePermission(Permissions.ChildCreate).WithSummary("登记儿童（机构同时办理入托；家长登记自己的孩子）");
        c.MapGet("/{id:guid}/guardians", (Guid id, FamilyHandler h, CancellationToken ct) => h.GuardiansAsync(id, ct))
            .RequirePermission(Permissions.ChildRead).WithSummary("监护人列表（电话脱敏）");
        c.MapPost("/{id:guid}/guardians", async (Guid id, GuardianRequest r, FamilyHandler h, CancellationToken ct) =>
                Results.Created($"/api/v1/children/{id}/guardians", await h.AddGuardianAsync(id, r, ct)))
            .RequirePermission(Permissions.ChildUpdate).WithSummary("添加监护人（机构可按用户名关联家长账号）");
        c.MapPut("/{id:guid}/guardians/{guardianId:guid}", (Guid id, Guid guardianId, GuardianRequest r, FamilyHandler h, CancellationToken ct) =>
                h.UpdateGuardianAsync(id, guardianId, r, ct))
            .RequirePermission(Permissions.ChildUpdate).WithSummary("修改监护人");
        c.MapDelete("/{id:guid}/guardians/{guardianId:guid}", async (Guid id, Guid guardianId, FamilyHandler h, CancellationToken ct) =>
            {
                await h.RemoveGuardianAsync(id, guardianId, ct);
                return Results.NoContent();
            })
            .RequirePermission(Permissions.ChildUpdate).WithSummary("删除监护人（至少保留一位）");
        c.MapGet("/{id:guid}/pickup-persons", (Guid id, FamilyHandler h, CancellationToken ct) => h.PickupPersonsAsync(id, ct))
            .RequirePermission(Permissions.ChildRead).WithSummary("授权接送人列表");
        c.MapPost("/{id:guid}/pickup-persons", async (Guid id, PickupPersonRequest r, FamilyHandler h, CancellationToken ct) =>
                Results.Created($"/api/v1/children/{id}/pickup-persons", await h.AuthoriseAsync(id, r, ct)))
            .RequirePermission(Permissions.PickupManage).WithSummary("授权接送人（家长）");
        c.MapDelete("/{id:guid}/pickup-persons/{pickupId:guid}", async (Guid id, Guid pickupId, FamilyHandler h, CancellationToken ct) =>
            {
                await h.RevokeAsync(id, pickupId, ct);
                return Results.NoContent();
            })
            .RequirePermission(Permissions.PickupManage).WithSummary("撤销授权接送人（家长）");
        c.MapGet("/{id:guid}/enrollments", (Guid id, PlacementHandler h, CancellationToken ct) => h.HistoryAsync(id, ct))
            .RequirePermission(Permissions.ChildRead).WithSummary("入托记录与变动历史");

        var e = app.MapGroup("/api/v1/enrollments").WithTags("入托");
        e.MapPost("/", async (EnrollRequest r, PlacementHandler h, CancellationToken ct) =>
            {
                var row = await h.EnrollAsync(r, ct);
                return Results.Created($"/api/v1/children/{row.ChildId}/enrollments", row);
            })
            .RequirePermission(Permissions.EnrollmentManage).WithSummary("入托（核对月龄、服务类型与班级容量，最后一个学位只给一人）");
        e.MapPost("/{id:guid}/move", async (Guid id, MoveRequest r, PlacementHandler h, CancellationToken ct) =>
                Results.Created($"/api/v1/enrollments/{id}", await h.MoveAsync(id, r, ct)))
            .RequirePermission(Permissions.EnrollmentManage).WithSummary("转班（原记录于前一日结束，新记录自转班日起）");
        e.MapPost("/{id:guid}/pause", (Guid id, PauseRequest r, PlacementHandler h, CancellationToken ct) => h.PauseAsync(id, r, ct))
            .RequirePermission(Permissions.EnrollmentManage).WithSummary("暂停入托");
        e.MapPost("/{id:guid}/resume", (Guid id, ResumeRequest r, PlacementHandler h, CancellationToken ct) => h.ResumeAsync(id, r, ct))
            .RequirePermission(Permissions.EnrollmentManage).WithSummary("恢复入托");
        e.MapPost("/{id:guid}/withdraw", (Guid id, WithdrawRequest r, PlacementHandler h, CancellationToken ct) => h.WithdrawAsync(id, r, ct))
            .RequirePermission(Permissions.EnrollmentManage).WithSummary("退托");
        return app;
    }
}
