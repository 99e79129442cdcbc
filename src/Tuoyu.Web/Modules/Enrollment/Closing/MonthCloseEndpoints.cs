using Tuoyu.Web.Common.Security;

namespace Tuoyu.Web.Modules.Enrollment.Closing;

internal static class MonthCloseEndpoints
{
    public static IEndpointRouteBuilder MapMonthClose(this IEndpointRouteBuilder app)
    {
        var a = app.MapGroup("/api/v1/attendance").WithTags("考勤");
        a.MapPost("/{attendanceId:guid}/corrections", async (Guid attendanceId, CorrectionRequest r, CorrectionHandler h, CancellationToken ct) =>
                Created(await h.CorrectAsync(attendanceId, r, ct)))
            .RequirePermission(Permissions.AttendanceRecord)
            .WithSummary("提交考勤更正（未关账的月份立即生效，已关账的月份待卫生健康部门审批）");
        a.MapPost("/corrections", async (NewDayCorrectionRequest r, CorrectionHandler h, CancellationToken ct) =>
                Created(await h.CorrectMissingDayAsync(r, ct)))
            .RequirePermission(Permissions.AttendanceRecord)
            .WithSummary("补登漏记的一天（考勤更正）");
        a.MapGet("/corrections", (string? status, CorrectionHandler h, CancellationToken ct) => h.ListAsync(status, ct))
            .RequirePermission(Permissions.AttendanceRead)
            .WithSummary("考勤更正列表（机构看本机构，监管部门看辖区；可按状态筛选，如 Pending）");
        a.MapPost("/corrections/{id:guid}/approve", (Guid id, CorrectionDecisionRequest r, CorrectionHandler h, CancellationToken ct) => h.DecideAsync(id, true, r, ct))
            .RequirePermission(Permissions.AttendanceCorrectionApprove)
            .WithSummary("批准已关账月份的考勤更正（更正生效并重算月度考勤）");
        a.MapPost("/corrections/{id:guid}/reject", (Guid id, CorrectionDecisionRequest r, CorrectionHandler h, CancellationToken ct) => h.DecideAsync(id, false, r, ct))
            .RequirePermission(Permissions.AttendanceCorrectionApprove)
            .WithSummary("驳回考勤更正（须填写说明；考勤不变）");

        a.MapGet("/alerts", (Alerts.AlertsHandler h, CancellationToken ct) => h.TodayAsync(ct))
            .RequirePermission(Permissions.AttendanceMonthClose)
            .WithSummary("园长考勤提醒：师幼比不足或超额的班级、发热儿童、待审批的更正");

        var m = app.MapGroup("/api/v1/institutions/{id:guid}/attendance/months").WithTags("考勤");
        m.MapPost("/{month}/close", (Guid id, string month, MonthCloseHandler h, CancellationToken ct) => h.CloseAsync(id, month, ct))
            .RequirePermission(Permissions.AttendanceMonthClose)
            .WithSummary("月度考勤关账（月末之后；写入每名儿童按班级类型和服务的在托天数与出勤天数）");
        m.MapGet("/{month}", (Guid id, string month, MonthCloseHandler h, CancellationToken ct) => h.GetAsync(id, month, ct))
            .RequirePermission(Permissions.AttendanceRead)
            .WithSummary("月度考勤汇总（已关账为关账数据，未关账为实时预览）");
        m.MapGet("/{month}/export", async (Guid id, string month, MonthCloseHandler h, CancellationToken ct) =>
                TypedResults.File(await h.ExportAsync(id, month, ct), Common.Ui.ExcelExport.ContentType, $"月度考勤-{month}.xlsx"))
            .RequirePermission(Permissions.AttendanceRead)
            .WithSummary("导出月度考勤汇总（Excel）");
        return app;
    }

    private static IResult Created(CorrectionDto c) => Results.Created($"/api/v1/attendance/corrections/{c.Id}", c);
}
