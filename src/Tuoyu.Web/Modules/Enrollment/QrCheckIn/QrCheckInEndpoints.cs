using Tuoyu.Web.Common.Security;

namespace Tuoyu.Web.Modules.Enrollment.QrCheckIn;

internal static class QrCheckInEndpoints
{
    public static IEndpointRouteBuilder MapQrCheckIn(this IEndpointRouteBuilder app)
    {
        var a = app.MapGroup("/api/v1/attendance").WithTags("考勤");
        a.MapGet("/qr-code", (QrCheckInHandler h, CancellationToken ct) => h.TodayCodeAsync(ct))
            .RequirePermission(Permissions.AttendanceRecord)
            .WithSummary("本机构今天的家长扫码签到码（每天零点更换）");
        a.MapGet("/qr-check-ins/{token}", (string token, QrCheckInHandler h, CancellationToken ct) => h.VisitAsync(token, ct))
            .RequirePermission(Permissions.AttendanceQrCheckIn)
            .WithSummary("扫码后：该机构中我的在托孩子及今日状态（家长）");
        a.MapPost("/qr-check-ins", (QrCheckInRequest r, QrCheckInHandler h, CancellationToken ct) => h.ActAsync(r, ct))
            .RequirePermission(Permissions.AttendanceQrCheckIn)
            .WithSummary("家长扫码入园/离园（action：in 或 out；幂等，记录为监护人本人操作与接走）");
        return app;
    }
}
