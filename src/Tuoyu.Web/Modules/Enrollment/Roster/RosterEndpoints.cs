using Tuoyu.Web.Common.Security;

namespace Tuoyu.Web.Modules.Enrollment.Roster;

internal static class RosterEndpoints
{
    public static IEndpointRouteBuilder MapRoster(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/children").WithTags("儿童");
        g.MapGet("/", (string? q, Guid? classId, int? page, int? pageSize, RosterHandler h, CancellationToken ct) =>
                h.ListAsync(new RosterQuery(q, classId, page ?? 1, pageSize ?? 20), ct))
            .RequirePermission(Permissions.EnrollmentManage).WithSummary("本机构在托儿童（分页，按姓名搜索、按班级筛选；证件号脱敏）");
        g.MapGet("/export", async (string? q, Guid? classId, RosterHandler h, CancellationToken ct) =>
                TypedResults.File(await h.ExportAsync(new RosterQuery(q, classId), ct), Common.Ui.ExcelExport.ContentType, "在托儿童.xlsx"))
            .RequirePermission(Permissions.EnrollmentManage).WithSummary("导出本机构在托儿童（Excel，证件号脱敏）");
        return app;
    }
}
