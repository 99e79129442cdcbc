using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Attendance;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Enrollment.QrCheckIn;

/// <summary>
/// Guardian QR check-in (issue #4 item 4, ADR 0027): the institution shows today's code; a signed-in guardian who scans
/// it checks their own child in or out through the same idempotent path as staff (ADR 0022), recorded as done by the
/// guardian. A code of an earlier day is 409 <c>attendance.qr_expired</c>; a forged code or one of an institution where
/// the child is not enrolled is 403.
/// </summary>
internal sealed class QrCheckInHandler(AppDbContext db, CurrentUser current, AttendanceHandler attendance, SensitiveDataProtector protector,
    IInstitutionDirectory institutions, TimeProvider clock)
{
    public const string Expired = "attendance.qr_expired";

    public static string PathFor(string token) => $"/checkin/{token}";

    /// <summary>Today's code of the caller's own institution.</summary>
    public async Task<QrCodeDto> TodayCodeAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        if (user.InstitutionId is not { } own) { throw new ForbiddenException("只有托育机构的账号可以出示签到码"); }
        var today = ChinaTime.Today(clock);
        var token = QrCheckInToken.For(protector, own, today);
        return new QrCodeDto(own, await NameAsync(own, ct), today, token, PathFor(token));
    }

    /// <summary>The guardian's children enrolled at the code's institution, with today's state.</summary>
    public async Task<QrVisitDto> VisitAsync(string? token, CancellationToken ct)
    {
        var institutionId = ValidInstitution(token);
        var user = await current.RequireAsync(ct);
        var today = ChinaTime.Today(clock);
        var children = user.Kind != UserKind.Parent ? [] : await db.Guardians.AsNoTracking().Where(g => g.UserId == user.Id)
            .Join(db.Enrollments.Where(e => e.InstitutionId == institutionId && e.StartDate <= today && (e.EndDate == null || e.EndDate >= today)),
                g => g.ChildId, e => e.ChildId, (g, e) => g.ChildId)
            .Join(db.Children, id => id, c => c.Id, (id, c) => new { c.Id, c.Name, c.BirthDate })
            .Distinct().OrderBy(c => c.BirthDate).ToListAsync(ct);
        var ids = children.Select(c => c.Id).ToList();
        var days = await db.Attendance.AsNoTracking().Where(a => ids.Contains(a.ChildId) && a.Date == today).ToDictionaryAsync(a => a.ChildId, ct);
        var result = children.Select(c =>
        {
            var day = days.GetValueOrDefault(c.Id);
            return new QrChildDto(c.Id, c.Name, day is null ? "未登记" : AttendanceNames.Status(day), day is null,
                day is { Status: AttendanceStatus.Present, CheckOutAt: null });
        }).ToList();
        return new QrVisitDto(institutionId, await NameAsync(institutionId, ct), today, result);
    }

    /// <summary>入园 or 离园 for one of the guardian's own children; a repeat changes nothing and returns the day.</summary>
    public async Task<AttendanceDto> ActAsync(QrCheckInRequest request, CancellationToken ct)
    {
        var action = request.Action?.Trim().ToLowerInvariant();
        new Validate()
            .Check(request.ChildId is not null, "childId", "缺少儿童")
            .Check(action is "in" or "out", "action", "操作应为 in（入园）或 out（离园）")
            .Check(!string.IsNullOrWhiteSpace(request.Token), "token", "缺少签到码")
            .ThrowIfInvalid();
        var institutionId = ValidInstitution(request.Token);
        var user = await current.RequireAsync(ct);
        var childId = request.ChildId!.Value;
        var guardianId = await db.Guardians.AsNoTracking().Where(g => g.UserId == user.Id && g.ChildId == childId).Select(g => (Guid?)g.Id)
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("儿童");
        if (!await db.Enrollments.AnyAsync(e => e.ChildId == childId && e.InstitutionId == institutionId, ct))
        {
            throw new ForbiddenException("这不是孩子所在托育机构的签到码");
        }

        var actor = new GuardianActor(institutionId, guardianId);
        return action == "in"
            ? (await attendance.CheckInAsync(new CheckInRequest(childId, null, null, null, null), actor, ct)).Attendance
            : await attendance.CheckOutAsync(new CheckOutRequest(childId, null, nameof(PickupKind.Guardian), guardianId), actor, ct);
    }

    private Guid ValidInstitution(string? token)
    {
        var check = QrCheckInToken.Check(protector, token?.Trim(), ChinaTime.Today(clock));
        return check.Status switch
        {
            QrTokenStatus.Valid => check.InstitutionId,
            QrTokenStatus.Expired => throw new RuleViolationException(Expired, "签到码已过期，请扫描托育机构今天出示的签到码"),
            _ => throw new ForbiddenException("签到码无效，请扫描托育机构出示的签到码"),
        };
    }

    private async Task<string> NameAsync(Guid institutionId, CancellationToken ct) =>
        (await institutions.InstitutionNamesAsync([institutionId], ct)).GetValueOrDefault(institutionId) ?? "托育机构";
}
