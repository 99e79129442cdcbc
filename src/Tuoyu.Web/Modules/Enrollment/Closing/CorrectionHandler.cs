using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Auditing;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Attendance;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Enrollment.Closing;

/// <summary>
/// 考勤更正 (issue #4 items 4 and 8, ADR 0024): the institution's users correct a past or present day with a reason.
/// In an open month the correction applies at once (day and correction in one save, version-guarded); in a closed month
/// it waits for a regulator whose region covers the institution, who approves (the day changes, the child's monthly
/// figures are recomputed) or rejects it with a note. Nobody decides their own correction.
/// </summary>
internal sealed class CorrectionHandler(AppDbContext db, CurrentUser current, IInstitutionScope scope, IInstitutionDirectory institutions,
    AttendanceHandler attendance, MonthCloseHandler months, AuditLog audit, TimeProvider clock)
{
    public async Task<CorrectionDto> CorrectAsync(Guid attendanceId, CorrectionRequest r, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var day = await db.Attendance.FirstOrDefaultAsync(a => a.Id == attendanceId, ct);
        if (day is null || user.InstitutionId != day.InstitutionId) { throw new NotFoundException("考勤记录"); }
        var change = Parse(r.Status, r.CheckInAt, r.CheckOutAt, r.Temperature, r.HealthCheck, r.AbsenceReason, r.Symptoms, r.Reason, day.Date, requireStatus: false);
        return await SaveAsync(user, day, day.ChildId, day.InstitutionId, day.Date, change, r.Reason!, ct);
    }

    public async Task<CorrectionDto> CorrectMissingDayAsync(NewDayCorrectionRequest r, CancellationToken ct)
    {
        new Validate().Check(r.ChildId is not null, "childId", "缺少儿童").Check(r.Date is not null, "date", "缺少日期")
            .Check(r.Date is null || r.Date <= ChinaTime.Today(clock), "date", "不能更正将来的日期").ThrowIfInvalid();
        var change = Parse(r.Status, r.CheckInAt, r.CheckOutAt, r.Temperature, r.HealthCheck, r.AbsenceReason, r.Symptoms, r.Reason, r.Date!.Value, requireStatus: true);
        var user = await current.RequireAsync(ct);
        var enrollment = await attendance.EnrollmentOnAsync(user, r.ChildId!.Value, r.Date.Value, ct);
        var day = await db.Attendance.FirstOrDefaultAsync(a => a.ChildId == r.ChildId && a.Date == r.Date, ct);
        if (day is not null)
        {
            throw new RuleViolationException(CorrectionRules.Inconsistent, "该日已有考勤记录，请更正该记录", new Dictionary<string, object?> { ["attendanceId"] = day.Id });
        }

        return await SaveAsync(user, null, enrollment.ChildId, enrollment.InstitutionId, r.Date.Value, change, r.Reason!, ct);
    }

    private async Task<CorrectionDto> SaveAsync(UserContext user, AttendanceDay? day, Guid childId, Guid institutionId, DateOnly date,
        CorrectionChange change, string reason, CancellationToken ct)
    {
        var before = DayState.Of(day);
        var after = CorrectionRules.Apply(before, change);
        if (CorrectionRules.Problem(after) is { } problem) { throw new RuleViolationException(CorrectionRules.Inconsistent, problem); }
        var (beforeJson, afterJson) = CorrectionRules.Diff(before, after);
        if (beforeJson == afterJson) { throw new RuleViolationException(CorrectionRules.NoChange, "更正内容与现有记录相同"); }

        var dayId = day?.Id ?? Guid.NewGuid();
        var month = YearMonth.Of(date);
        var closed = await db.MonthCloses.AnyAsync(m => m.InstitutionId == institutionId && m.Month == month, ct);
        if (closed && await db.AttendanceCorrections.AnyAsync(c => c.ChildId == childId && c.Date == date && c.Status == CorrectionStatus.Pending, ct))
        {
            throw new RuleViolationException(CorrectionRules.AlreadyPending, "该日已有一条待审批的更正，请等待审批结果");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var correction = new AttendanceCorrection
        {
            Id = Guid.NewGuid(), AttendanceDayId = dayId, ChildId = childId, InstitutionId = institutionId, Date = date,
            Before = beforeJson, After = afterJson, Reason = reason.Trim(), RequestedByUserId = user.Id, RequestedAt = now,
            Status = closed ? CorrectionStatus.Pending : CorrectionStatus.Applied,
        };
        db.AttendanceCorrections.Add(correction);
        if (!closed) { await ApplyAsync(correction, day, ct); }
        await db.SaveChangesAsync(ct);
        return (await ToDtosAsync([correction], ct))[0];
    }

    public async Task<CorrectionDto> DecideAsync(Guid id, bool approve, CorrectionDecisionRequest r, CancellationToken ct)
    {
        new Validate().Check(approve || !string.IsNullOrWhiteSpace(r.Note), "note", "驳回须填写说明")
            .Optional("note", r.Note, "审批说明", AttendanceCorrection.ReasonMaxLength).ThrowIfInvalid();
        var user = await current.RequireAsync(ct);
        var c = await db.AttendanceCorrections.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("考勤更正");
        if (!await scope.IdsInScope(user).AnyAsync(i => i == c.InstitutionId, ct))
        {
            throw new ForbiddenException("该机构不在您的监管辖区内，不能审批其考勤更正");
        }

        if (CorrectionRules.IsOwn(c, user.Id)) { throw new ForbiddenException("不能审批自己提交的更正"); }
        if (c.Status != CorrectionStatus.Pending) { throw new RuleViolationException(CorrectionRules.NotPending, "该更正不在待审批状态"); }

        c.Status = approve ? CorrectionStatus.Approved : CorrectionStatus.Rejected;
        c.DecidedByUserId = user.Id;
        c.DecidedAt = clock.GetUtcNow().UtcDateTime;
        c.DecisionNote = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
        if (approve)
        {
            var day = await db.Attendance.FirstOrDefaultAsync(a => a.Id == c.AttendanceDayId, ct);
            var corrected = await ApplyAsync(c, day, ct);
            await months.RecomputeChildAsync(c.InstitutionId, c.ChildId, c.Date, corrected.Status == AttendanceStatus.Present, ct);
        }

        await db.SaveChangesAsync(ct);
        return (await ToDtosAsync([c], ct))[0];
    }

    /// <summary>Pending (or any status) corrections: a regulator's region, or the caller's own institution.</summary>
    public async Task<IReadOnlyList<CorrectionDto>> ListAsync(string? status, CancellationToken ct)
    {
        CorrectionStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!char.IsAsciiLetter(status.Trim()[0]) || !Enum.TryParse<CorrectionStatus>(status.Trim(), true, out var s) || !Enum.IsDefined(s))
            {
                throw ValidationFailedException.For("status", "状态应为 Applied、Pending、Approved 或 Rejected");
            }

            wanted = s;
        }

        var user = await current.RequireAsync(ct);
        var q = db.AttendanceCorrections.AsNoTracking();
        q = user.InstitutionId is { } own ? q.Where(c => c.InstitutionId == own) : q.Where(c => scope.IdsInScope(user).Contains(c.InstitutionId));
        if (wanted is { } w) { q = q.Where(c => c.Status == w); }
        var rows = await q.OrderByDescending(c => c.RequestedAt).Take(500).ToListAsync(ct);
        // Before and after hold 晨检 and absence health data: every child's read is logged (security.md 16.3), never the data.
        foreach (var childId in rows.Select(c => c.ChildId).Distinct())
        {
            await audit.RecordAsync("read", nameof(AttendanceCorrection), childId.ToString(), "success", "{\"fields\":[\"Attendance\",\"HealthCheck\"]}", ct: ct);
        }

        return await ToDtosAsync(rows, ct);
    }

    /// <summary>Lays the correction over the day (creating the day when there was none); the caller saves.</summary>
    private async Task<AttendanceDay> ApplyAsync(AttendanceCorrection c, AttendanceDay? day, CancellationToken ct)
    {
        var after = CorrectionRules.Overlay(DayState.Of(day), c.After);
        if (day is null)
        {
            var enrollment = await db.Enrollments.AsNoTracking()
                .FirstOrDefaultAsync(e => e.ChildId == c.ChildId && e.InstitutionId == c.InstitutionId && e.StartDate <= c.Date && (e.EndDate == null || e.EndDate >= c.Date), ct)
                ?? throw new RuleViolationException(AttendanceRules.NotEnrolled, "该儿童当日不在本机构在托");
            day = new AttendanceDay
            {
                Id = c.AttendanceDayId, ChildId = c.ChildId, InstitutionId = c.InstitutionId, ClassId = enrollment.ClassId,
                EnrollmentId = enrollment.Id, Date = c.Date, RecordedByUserId = c.RequestedByUserId,
            };
            if (after.CheckInAt is not null) { (day.CheckInByUserId, day.CheckInMethod) = (c.RequestedByUserId, CheckInMethod.Staff); }
            db.Attendance.Add(day);
        }

        after.ApplyTo(day);
        return day;
    }

    private CorrectionChange Parse(string? status, DateTimeOffset? checkIn, DateTimeOffset? checkOut, decimal? temperature,
        IReadOnlyList<string>? healthCheck, string? absenceReason, IReadOnlyList<string>? symptoms, string? reason, DateOnly date, bool requireStatus)
    {
        AttendanceStatus? st = null;
        AbsenceReason? ar = null;
        int? tenths = null;
        var v = new Validate().Require("reason", reason, "更正原因", AttendanceCorrection.ReasonMaxLength);
        if (status is not null || requireStatus)
        {
            v.Check(TryParse<AttendanceStatus>(status, out var s), "status", "状态应为 Present（出勤）或 Absent（缺勤）");
            st = s;
        }

        if (absenceReason is not null)
        {
            v.Check(TryParse<AbsenceReason>(absenceReason, out var a), "absenceReason", "缺勤原因应为 Sick（病假）、Leave（事假）或 Other（其他）");
            ar = a;
        }

        if (temperature is { } t)
        {
            tenths = AttendanceRules.TemperatureTenths(t);
            v.Check(tenths is not null, "temperature", "体温应在34.0到43.0℃之间，最多保留一位小数");
        }

        v.Check(checkIn is null || ChinaTime.DateOf(checkIn.Value) == date, "checkInAt", "签到时间须在被更正的那一天");
        v.Check(checkOut is null || ChinaTime.DateOf(checkOut.Value) == date, "checkOutAt", "签退时间须在被更正的那一天");
        v.Check(AttendanceRules.TryParseSymptoms(healthCheck, out var hc, out var u1), "healthCheck", $"未知的晨检项目：{u1}");
        v.Check(AttendanceRules.TryParseSymptoms(symptoms, out var sy, out var u2), "symptoms", $"未知的症状：{u2}");
        v.ThrowIfInvalid();
        return new CorrectionChange(st, checkIn?.UtcDateTime, checkOut?.UtcDateTime, tenths, healthCheck is null ? null : hc, ar, symptoms is null ? null : sy);
    }

    private static bool TryParse<T>(string? value, out T result) where T : struct, Enum
    {
        result = default;
        return !string.IsNullOrWhiteSpace(value) && char.IsAsciiLetter(value.Trim()[0])
            && Enum.TryParse(value.Trim(), ignoreCase: true, out result) && Enum.IsDefined(result);
    }

    private async Task<IReadOnlyList<CorrectionDto>> ToDtosAsync(IReadOnlyList<AttendanceCorrection> rows, CancellationToken ct)
    {
        var childIds = rows.Select(c => c.ChildId).Distinct().ToList();
        var names = await db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var insts = await institutions.InstitutionNamesAsync([.. rows.Select(c => c.InstitutionId).Distinct()], ct);
        return [.. rows.Select(c => new CorrectionDto(c.Id, c.AttendanceDayId, c.ChildId, names.GetValueOrDefault(c.ChildId, ""), c.InstitutionId,
            insts.GetValueOrDefault(c.InstitutionId), c.Date, c.Before, c.After, c.Reason, c.Status.ToString(), StatusName(c.Status),
            Utc(c.RequestedAt)!.Value, Utc(c.DecidedAt), c.DecisionNote, c.Version))];
    }

    internal static string StatusName(CorrectionStatus s) => s switch
    {
        CorrectionStatus.Applied => "已生效",
        CorrectionStatus.Pending => "待审批",
        CorrectionStatus.Approved => "已批准",
        CorrectionStatus.Rejected => "未批准",
        _ => s.ToString(),
    };

    private static DateTimeOffset? Utc(DateTime? t) => t is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
