using System.Runtime.ExceptionServices;
using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Domain;

namespace Tuoyu.Web.Modules.Enrollment.Attendance;

/// <summary>
/// A child's day at the institution (issue #4 item 4): check-in with the 晨检, check-out to a guardian or an
/// authorised pick-up person, absence with a reason. Only the staff of the institution where the child is enrolled
/// record it (a child never enrolled there is 404: its existence is private). Idempotent: one row per child and
/// China date (a unique key), so a repeated or concurrent check-in returns the first and changes nothing.
/// </summary>
internal sealed class AttendanceHandler(AppDbContext db, CurrentUser current, TimeProvider clock)
{
    /// <summary>A device clock may run a little ahead of the server's.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>How far ahead a known leave may be recorded.</summary>
    public const int AbsenceDaysAhead = 31;

    public Task<CheckInResult> CheckInAsync(CheckInRequest request, CancellationToken ct) => CheckInAsync(request, null, ct);

    /// <summary>
    /// Check-in by staff, or by a guardian at the institution's QR code (<paramref name="guardian"/>, ADR 0027): the same
    /// idempotent path, recording the guardian's account as who checked in and the method 家长扫码.
    /// </summary>
    internal async Task<CheckInResult> CheckInAsync(CheckInRequest request, GuardianActor? guardian, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);
        var v = new Validate().Check(request.ChildId is not null, "childId", "缺少儿童")
            .Optional("healthNotes", request.HealthNotes, "晨检备注", AttendanceDay.NoteMaxLength);
        int? tenths = null;
        if (request.Temperature is { } celsius)
        {
            tenths = AttendanceRules.TemperatureTenths(celsius);
            v.Check(tenths is not null, "temperature", "体温应在34.0到43.0℃之间，最多保留一位小数");
        }

        v.Check(AttendanceRules.TryParseSymptoms(request.HealthCheck, out var findings, out var unknown), "healthCheck", $"未知的晨检项目：{unknown}");
        var at = request.At ?? now;
        v.Check(request.At is null || (ChinaTime.DateOf(at) == today && at <= now + ClockSkew), "at", "签到时间须为今天，且不能晚于当前时间");
        v.ThrowIfInvalid();

        var user = await current.RequireAsync(ct);
        var childId = request.ChildId!.Value;
        var enrollment = guardian is null ? await EnrollmentOnAsync(user, childId, today, ct) : await EnrollmentAtAsync(guardian.InstitutionId, childId, today, ct);
        await EnsureMonthOpenAsync(enrollment.InstitutionId, today, ct);
        var existing = await db.Attendance.AsNoTracking().FirstOrDefaultAsync(a => a.ChildId == childId && a.Date == today, ct);
        if (existing is not null) { return new CheckInResult(await ToDtoAsync(Present(existing), ct), Created: false); }

        var row = new AttendanceDay
        {
            Id = Guid.NewGuid(), ChildId = childId, InstitutionId = enrollment.InstitutionId, ClassId = enrollment.ClassId,
            EnrollmentId = enrollment.Id, Date = today, Status = AttendanceStatus.Present,
            CheckInAt = at.UtcDateTime, CheckInByUserId = user.Id, CheckInMethod = guardian is null ? CheckInMethod.Staff : CheckInMethod.GuardianScan,
            TemperatureTenths = tenths, HealthCheck = findings, HealthNotes = Clean(request.HealthNotes), RecordedByUserId = user.Id,
        };
        db.Attendance.Add(row);
        if (await TrySaveAsync(ct) is { } failure)
        {
            // Another request checked the child in (or marked it absent) between our read and our insert.
            var winner = await db.Attendance.AsNoTracking().FirstOrDefaultAsync(a => a.ChildId == childId && a.Date == today, ct);
            if (winner is null) { failure.Throw(); }
            return new CheckInResult(await ToDtoAsync(Present(winner!), ct), Created: false);
        }

        return new CheckInResult(await ToDtoAsync(row, ct), Created: true);
    }

    public Task<AttendanceDto> CheckOutAsync(CheckOutRequest request, CancellationToken ct) => CheckOutAsync(request, null, ct);

    /// <summary>Check-out by staff, or by a guardian at the QR code (<paramref name="guardian"/>: the child is handed to that guardian).</summary>
    internal async Task<AttendanceDto> CheckOutAsync(CheckOutRequest request, GuardianActor? guardian, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);
        PickupKind kind = default;
        var at = request.At ?? now;
        new Validate().Check(request.ChildId is not null, "childId", "缺少儿童")
            .Check(TryParsePickupKind(request.PickedUpByKind, out kind), "pickedUpByKind", "接走人类型应为 Guardian（监护人）或 PickupPerson（授权接送人）")
            .Check(request.PickedUpById is not null, "pickedUpById", "缺少接走人")
            .Check(request.At is null || (ChinaTime.DateOf(at) == today && at <= now + ClockSkew), "at", "签退时间须为今天，且不能晚于当前时间")
            .ThrowIfInvalid();

        var user = await current.RequireAsync(ct);
        var childId = request.ChildId!.Value;
        var enrollment = guardian is null ? await EnrollmentOnAsync(user, childId, today, ct) : await EnrollmentAtAsync(guardian.InstitutionId, childId, today, ct);
        await EnsureMonthOpenAsync(enrollment.InstitutionId, today, ct);
        var row = await db.Attendance.FirstOrDefaultAsync(a => a.ChildId == childId && a.Date == today, ct)
            ?? throw new RuleViolationException(AttendanceRules.NotCheckedIn, "该儿童今天尚未签到，不能签退");
        Present(row);
        if (row.CheckOutAt is not null) { return await ToDtoAsync(row, ct); }
        if (at.UtcDateTime < row.CheckInAt)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["at"] = ["签退时间不能早于签到时间"] });
        }

        var pickerId = request.PickedUpById!.Value;
        var authorised = kind == PickupKind.Guardian
            ? await db.Guardians.AnyAsync(g => g.Id == pickerId && g.ChildId == childId, ct)
            : await db.PickupPersons.AnyAsync(p => p.Id == pickerId && p.ChildId == childId && p.RevokedAt == null, ct);
        if (!authorised)
        {
            throw new RuleViolationException(AttendanceRules.PickupNotAuthorised, "接走人不是该儿童的监护人或有效的授权接送人，不能交接");
        }

        row.CheckOutAt = at.UtcDateTime;
        row.CheckOutByUserId = user.Id;
        row.PickedUpByKind = kind;
        row.PickedUpById = pickerId;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A concurrent check-out won: return it if it is one, otherwise let the 409 stand.
            db.ChangeTracker.Clear();
            var now2 = await db.Attendance.AsNoTracking().FirstAsync(a => a.Id == row.Id, ct);
            if (now2.CheckOutAt is null) { throw; }
            return await ToDtoAsync(now2, ct);
        }

        return await ToDtoAsync(row, ct);
    }

    public async Task<CheckInResult> RecordAbsenceAsync(AbsenceRequest request, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var date = request.Date ?? today;
        AbsenceReason reason = default;
        var v = new Validate().Check(request.ChildId is not null, "childId", "缺少儿童")
            .Check(TryParseReason(request.Reason, out reason), "reason", "缺勤原因应为 Sick（病假）、Leave（事假）或 Other（其他）")
            .Check(date >= today && date <= today.AddDays(AbsenceDaysAhead), "date", $"缺勤日期须在今天到{AbsenceDaysAhead}天后之间；更早的日期请提交考勤更正")
            .Optional("note", request.Note, "缺勤说明", AttendanceDay.NoteMaxLength)
            .Check(AttendanceRules.TryParseSymptoms(request.Symptoms, out var symptoms, out var unknown), "symptoms", $"未知的症状：{unknown}");
        v.Check(symptoms == Symptoms.None || reason == AbsenceReason.Sick, "symptoms", "只有病假可以登记症状");
        v.ThrowIfInvalid();

        var user = await current.RequireAsync(ct);
        var childId = request.ChildId!.Value;
        var enrollment = await EnrollmentOnAsync(user, childId, date, ct);
        await EnsureMonthOpenAsync(enrollment.InstitutionId, date, ct);
        var existing = await db.Attendance.AsNoTracking().FirstOrDefaultAsync(a => a.ChildId == childId && a.Date == date, ct);
        if (existing is not null) { return new CheckInResult(await ToDtoAsync(Absent(existing), ct), Created: false); }

        var row = new AttendanceDay
        {
            Id = Guid.NewGuid(), ChildId = childId, InstitutionId = enrollment.InstitutionId, ClassId = enrollment.ClassId,
            EnrollmentId = enrollment.Id, Date = date, Status = AttendanceStatus.Absent, AbsenceReason = reason,
            AbsenceSymptoms = symptoms, HealthNotes = Clean(request.Note), RecordedByUserId = user.Id,
        };
        db.Attendance.Add(row);
        if (await TrySaveAsync(ct) is { } failure)
        {
            var winner = await db.Attendance.AsNoTracking().FirstOrDefaultAsync(a => a.ChildId == childId && a.Date == date, ct);
            if (winner is null) { failure.Throw(); }
            return new CheckInResult(await ToDtoAsync(Absent(winner!), ct), Created: false);
        }

        return new CheckInResult(await ToDtoAsync(row, ct), Created: true);
    }

    /// <summary>
    /// The child's enrollment at the caller's institution on <paramref name="day"/>: 404 when the child was never
    /// enrolled there (or the caller is not institution staff), 409 when it is not in care that day (not started,
    /// ended or paused).
    /// </summary>
    internal async Task<ChildEnrollment> EnrollmentOnAsync(UserContext user, Guid childId, DateOnly day, CancellationToken ct)
    {
        if (user.InstitutionId is not { } institutionId) { throw new NotFoundException("儿童"); }
        return await EnrollmentAtAsync(institutionId, childId, day, ct);
    }

    /// <summary>The child's enrollment at <paramref name="institutionId"/> on <paramref name="day"/> (404 never enrolled there, 409 not in care).</summary>
    internal async Task<ChildEnrollment> EnrollmentAtAsync(Guid institutionId, Guid childId, DateOnly day, CancellationToken ct)
    {
        var rows = await db.Enrollments.AsNoTracking().Where(e => e.ChildId == childId && e.InstitutionId == institutionId).ToListAsync(ct);
        if (rows.Count == 0) { throw new NotFoundException("儿童"); }
        var active = rows.FirstOrDefault(e => e.StartDate <= day && (e.EndDate is null || e.EndDate >= day));
        if (active is not null
            && !await db.EnrollmentPauses.AnyAsync(p => p.EnrollmentId == active.Id && p.From <= day && (p.To == null || p.To >= day), ct))
        {
            return active;
        }

        throw new RuleViolationException(AttendanceRules.NotEnrolled, $"该儿童{day:yyyy-MM-dd}不在本机构在托（未入托、已退托或暂停中）");
    }

    internal async Task EnsureMonthOpenAsync(Guid institutionId, DateOnly day, CancellationToken ct)
    {
        var month = YearMonth.Of(day);
        if (await db.MonthCloses.AnyAsync(m => m.InstitutionId == institutionId && m.Month == month, ct))
        {
            throw new RuleViolationException(AttendanceRules.MonthClosed, $"{month}的考勤已关账，修改须提交考勤更正并经卫生健康部门审批");
        }
    }

    /// <summary>
    /// Saves; on a failed insert (typically the (child, date) key taken concurrently) returns the failure with
    /// nothing left pending, for the caller to re-read — and rethrow when the re-read finds no winner.
    /// </summary>
    internal async Task<ExceptionDispatchInfo?> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // The audit rows of the failed save are pending too: drop everything.
            db.ChangeTracker.Clear();
            return ExceptionDispatchInfo.Capture(ex);
        }
    }

    private static AttendanceDay Present(AttendanceDay row) => row.Status == AttendanceStatus.Present ? row
        : throw new RuleViolationException(AttendanceRules.MarkedAbsent, "该儿童今天已登记缺勤；如已到园，请提交考勤更正");

    private static AttendanceDay Absent(AttendanceDay row) => row.Status == AttendanceStatus.Absent ? row
        : throw new RuleViolationException(AttendanceRules.AlreadyCheckedIn, "该儿童当天已签到，不能登记缺勤；如有误，请提交考勤更正");

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool TryParsePickupKind(string? value, out PickupKind kind) => TryParseName(value, out kind);

    private static bool TryParseReason(string? value, out AbsenceReason reason) => TryParseName(value, out reason);

    /// <summary>English member names only ("Sick"), never numbers.</summary>
    private static bool TryParseName<T>(string? value, out T result) where T : struct, Enum
    {
        result = default;
        return !string.IsNullOrWhiteSpace(value) && char.IsAsciiLetter(value.Trim()[0])
            && Enum.TryParse(value.Trim(), ignoreCase: true, out result) && Enum.IsDefined(result);
    }

    internal async Task<AttendanceDto> ToDtoAsync(AttendanceDay a, CancellationToken ct)
    {
        string? pickerName = null;
        if (a.PickedUpById is { } pid)
        {
            pickerName = a.PickedUpByKind == PickupKind.Guardian
                ? await db.Guardians.AsNoTracking().Where(g => g.Id == pid).Select(g => g.Name + "（" + g.Relation + "）").FirstOrDefaultAsync(ct)
                : await db.PickupPersons.AsNoTracking().Where(p => p.Id == pid).Select(p => p.Name + "（" + p.Relation + "）").FirstOrDefaultAsync(ct);
        }

        return ToDto(a, pickerName);
    }

    internal static AttendanceDto ToDto(AttendanceDay a, string? pickerName) => new(
        a.Id, a.ChildId, a.ClassId, a.Date, a.Status.ToString(), AttendanceNames.Status(a),
        Utc(a.CheckInAt), a.CheckInMethod?.ToString(), a.TemperatureTenths is { } t ? AttendanceRules.Celsius(t) : null,
        AttendanceRules.SymptomNames(a.HealthCheck), Utc(a.CheckOutAt), a.PickedUpByKind?.ToString(), a.PickedUpById, pickerName,
        a.AbsenceReason?.ToString(), AttendanceRules.SymptomNames(a.AbsenceSymptoms), a.Version);

    private static DateTimeOffset? Utc(DateTime? t) => t is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}

/// <summary>A guardian acting at the institution's QR code (ADR 0027): which institution the code named, and the guardian row.</summary>
internal sealed record GuardianActor(Guid InstitutionId, Guid GuardianId);

/// <summary>Chinese names of the attendance states, for pages and DTOs.</summary>
internal static class AttendanceNames
{
    public static string Status(AttendanceDay a) => a.Status switch
    {
        AttendanceStatus.Present when a.CheckOutAt is not null => "已离园",
        AttendanceStatus.Present => "在园",
        AttendanceStatus.Absent => a.AbsenceReason switch
        {
            AbsenceReason.Sick => "病假",
            AbsenceReason.Leave => "事假",
            _ => "缺勤",
        },
        _ => a.Status.ToString(),
    };
}
