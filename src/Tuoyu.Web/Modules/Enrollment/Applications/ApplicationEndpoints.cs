using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Ui;

namespace Tuoyu.Web.Modules.Enrollment.Applications;

/// <summary>入托申请与排队 (issue #4 items 2, 7 and 9; ADR 0026).</summary>
internal static class ApplicationEndpoints
{
    public static IServiceCollection AddApplications(this IServiceCollection services)
    {
        services.AddOptions<ApplicationSettings>().BindConfiguration("Applications")
            .Validate(s => s.OfferDays is >= 1 and <= Domain.ApplicationRules.MaxOfferDays, "Applications:OfferDays must be 1–31").ValidateOnStart();
        return services.AddScoped<FamilyApplicationHandler>().AddScoped<QueueHandler>();
    }

    public static IEndpointRouteBuilder MapApplications(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/applications").WithTags("入托申请");
        g.MapPost("/", async (ApplyRequest r, FamilyApplicationHandler h, CancellationToken ct) =>
                Results.Created("/api/v1/me/applications", await h.ApplyAsync(r, ct)))
            .RequirePermission(Permissions.ApplicationApply).WithSummary("家长为孩子申请入托（可同时申请多家机构，全部成功或全部不成功）");
        g.MapGet("/institutions", (string? q, string? region, FamilyApplicationHandler h, CancellationToken ct) => h.SearchInstitutionsAsync(q, region, ct))
            .RequirePermission(Permissions.ApplicationApply).WithSummary("按名称查找可申请的已备案托育机构");
        g.MapPost("/{id:guid}/withdraw", (Guid id, FamilyApplicationHandler h, CancellationToken ct) => h.WithdrawAsync(id, ct))
            .RequirePermission(Permissions.ApplicationApply).WithSummary("撤回排队中的申请（家长）");
        g.MapPost("/{id:guid}/accept", (Guid id, FamilyApplicationHandler h, CancellationToken ct) => h.AcceptAsync(id, ct))
            .RequirePermission(Permissions.ApplicationApply).WithSummary("接受学位并入托（家长；同时撤回该幼儿的其他申请）");
        g.MapPost("/{id:guid}/decline", (Guid id, FamilyApplicationHandler h, CancellationToken ct) => h.DeclineAsync(id, ct))
            .RequirePermission(Permissions.ApplicationApply).WithSummary("放弃学位（家长）");
        g.MapPost("/{id:guid}/offer", (Guid id, OfferRequest r, QueueHandler h, CancellationToken ct) => h.OfferAsync(id, r, ct))
            .RequirePermission(Permissions.ApplicationDecide).WithSummary("发出学位（指定班级与确认期限，默认7天）");
        g.MapPost("/{id:guid}/refuse", (Guid id, RefuseRequest r, QueueHandler h, CancellationToken ct) => h.RefuseAsync(id, r, ct))
            .RequirePermission(Permissions.ApplicationDecide).WithSummary("不予录取（须填写原因）");

        app.MapGet("/api/v1/me/applications", (FamilyApplicationHandler h, CancellationToken ct) => h.MineAsync(ct)).WithTags("家长")
            .RequirePermission(Permissions.ApplicationApply).WithSummary("我的入托申请（家长）");

        var i = app.MapGroup("/api/v1/institutions/{id:guid}/applications").WithTags("入托申请");
        i.MapGet("/", (Guid id, string? status, int? page, QueueHandler h, CancellationToken ct) => h.ListAsync(id, status, page, ct))
            .RequirePermission(Permissions.ApplicationRead).WithSummary("机构入托申请队列（按提交先后；默认排队中与待确认）");
        i.MapGet("/export", async (Guid id, string? status, QueueHandler h, CancellationToken ct) =>
            {
                var rows = await h.ExportAsync(id, status, ct);
                var bytes = await ExcelExport.ToXlsxAsync(rows.Select((r, n) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
                {
                    ["序号"] = n + 1, ["幼儿"] = r.ChildName, ["入托时月龄"] = r.AgeMonthsOnStart, ["可入班型"] = string.Join("、", r.FitsClassTypeNames),
                    ["服务类型"] = r.ServiceName, ["入托月份"] = r.StartMonth, ["状态"] = r.StatusName,
                    ["提交时间"] = Common.Time.ChinaTime.DateOf(r.SubmittedAt).ToString("yyyy-MM-dd"), ["学位班级"] = r.OfferedClassName,
                    ["确认期限"] = r.OfferExpiresOn?.ToString("yyyy-MM-dd"),
                }), "入托申请", ct);
                return Results.File(bytes, ExcelExport.ContentType, "入托申请.xlsx");
            })
            .RequirePermission(Permissions.ApplicationRead).WithSummary("导出机构入托申请队列（Excel）");
        return app;
    }
}
