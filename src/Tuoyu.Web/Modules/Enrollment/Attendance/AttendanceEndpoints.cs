using Tuoyu.Web.Common.Security;

namespace Tuoyu.Web.Modules.Enrollment.Attendance;

internal static class AttendanceEndpoints
{
    public static IEndpointRouteBuilder MapAttendance(this IEndpointRouteBuilder app)
    {
        var a = app.MapGroup("/api/v1/attendance").WithTags("考勤");
        a.MapPost("/check-ins", async (CheckInRequest r, AttendanceHandler h, CancellationToken ct) =>
            {
                var result = await h.CheckInAsync(r, ct);
                return result.Created
                    ? Results.Created($"/api/v1/attendance/{result.Attendance.Id}", result.Attendance)
                    : Results.Ok(result.Attendance);
            })
            .RequirePermission(Permissions.AttendanceRecord)
            .WithSummary("入园签到与晨检（幂等：重复签到返回原记录，200）");
        a.MapPost("/check-outs", (CheckOutRequest r, AttendanceHandler h, CancellationToken ct) => h.CheckOutAsync(r, ct))
            .RequirePermission(Permissions.AttendanceRecord)
            .WithSummary("离园签退（仅交给监护人或授权接送人）");
        a.MapPost("/absences", async (AbsenceRequest r, AttendanceHandler h, CancellationToken ct) =>
            {
                var result = await h.RecordAbsenceAsync(r, ct);
                return result.Created
                    ? Results.Created($"/api/v1/attendance/{result.Attendance.Id}", result.Attendance)
                    : Results.Ok(result.Attendance);
            })
            .RequirePermission(Permissions.AttendanceRecord)
            .WithSummary("登记缺勤（病假须注明症状时可选填）");

        var c = app.MapGroup("/api/v1/classes").WithTags("考勤");
        c.MapGet("/{id:guid}/today", (Guid id, ClassDayHandler h, CancellationToken ct) => h.TodayAsync(id, ct))
            .RequirePermission(Permissions.AttendanceRead)
            .WithSummary("班级当日考勤与师幼比");
        c.MapPost("/{id:guid}/check-ins", (Guid id, ClassCheckInRequest r, ClassDayHandler h, CancellationToken ct) => h.CheckInClassAsync(id, r, ct))
            .RequirePermission(Permissions.AttendanceRecord)
            .WithSummary("整班签到（未登记的儿童一次签到）");
        return app;
    }
}
