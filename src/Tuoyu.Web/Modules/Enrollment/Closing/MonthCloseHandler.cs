using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;
using Calc = Tuoyu.Web.Modules.Enrollment.Domain.MonthlyAttendanceCalculator;

namespace Tuoyu.Web.Modules.Enrollment.Closing;

/// <summary>
/// 月度考勤关账 (issue #4 item 8, ADR 0024): the institution's admin closes a month that is over; closing writes the
/// <see cref="MonthlyAttendance"/> figures (<see cref="MonthlyAttendanceCalculator"/>). Afterwards a day of the month
/// changes only through a correction a regulator approves, which recomputes the child's figures of that month.
/// </summary>
internal sealed class MonthCloseHandler(AppDbContext db, CurrentUser current, IInstitutionScope scope, IClassDirectory classes, TimeProvider clock)
{
    public async Task<MonthFiguresDto> CloseAsync(Guid institutionId, string monthText, CancellationToken ct)
    {
        var month = ParseMonth(monthText);
        var user = await current.RequireAsync(ct);
        if (user.InstitutionId != institutionId) { throw new ForbiddenException("只有本机构管理员可以关账"); }
        if (!Calc.IsOver(month, ChinaTime.Today(clock)))
        {
            throw new RuleViolationException(CorrectionRules.MonthNotOver, $"{month}尚未结束，月末之后才能关账");
        }

        if (await db.MonthCloses.AnyAsync(m => m.InstitutionId == institutionId && m.Month == month, ct))
        {
            throw new RuleViolationException(AttendanceRules.MonthClosed, $"{month}的考勤已关账");
        }

        var close = new MonthClose
        {
            Id = Guid.NewGuid(), InstitutionId = institutionId, Month = month, ClosedAt = clock.GetUtcNow().UtcDateTime, ClosedByUserId = user.Id,
        };
        db.MonthCloses.Add(close);
        foreach (var f in await ComputeAsync(institutionId, month, childId: null, ct))
        {
            db.MonthlyAttendance.Add(Row(institutionId, month, f));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // A concurrent close took the (institution, month) key.
            db.ChangeTracker.Clear();
            if (!await db.MonthCloses.AnyAsync(m => m.InstitutionId == institutionId && m.Month == month, ct)) { throw; }
            throw new RuleViolationException(AttendanceRules.MonthClosed, $"{month}的考勤已关账");
        }

        return await FiguresAsync(institutionId, month, ct);
    }

    /// <summary>The month's figures: stored ones once closed, otherwise computed now (a preview).</summary>
    public async Task<MonthFiguresDto> GetAsync(Guid institutionId, string monthText, CancellationToken ct)
    {
        var month = ParseMonth(monthText);
        var user = await current.RequireAsync(ct);
        await EnsureInScopeAsync(user, institutionId, ct);
        return await FiguresAsync(institutionId, month, ct);
    }

    public async Task<byte[]> ExportAsync(Guid institutionId, string monthText, CancellationToken ct)
    {
        var figures = await GetAsync(institutionId, monthText, ct);
        var rows = figures.Rows.Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["月份"] = figures.Month, ["儿童"] = r.ChildName, ["班级类型"] = r.ClassTypeName, ["托育服务"] = ServiceName(r.Service),
            ["在托天数"] = r.EnrolledDays, ["出勤天数"] = r.AttendedDays, ["状态"] = figures.Closed ? "已关账" : "未关账（预览）",
        });
        return await Common.Ui.ExcelExport.ToXlsxAsync(rows, "月度考勤", ct);
    }

    internal async Task EnsureInScopeAsync(UserContext user, Guid institutionId, CancellationToken ct)
    {
        if (user.InstitutionId == institutionId) { return; }
        if (user.InstitutionId is null && await scope.IdsInScope(user).AnyAsync(id => id == institutionId, ct)) { return; }
        throw new NotFoundException("机构");
    }

    /// <summary>
    /// Replaces one child's rows of a closed month after an approved correction of <paramref name="day"/> (not yet
    /// saved: its corrected status is passed in, so the day and the figures change in one save); the caller saves.
    /// </summary>
    internal async Task RecomputeChildAsync(Guid institutionId, Guid childId, DateOnly day, bool presentThatDay, CancellationToken ct)
    {
        var month = YearMonth.Of(day);
        var old = await db.MonthlyAttendance.Where(m => m.InstitutionId == institutionId && m.ChildId == childId && m.Month == month).ToListAsync(ct);
        var fresh = await ComputeAsync(institutionId, month, childId, ct, (day, presentThatDay));
        foreach (var o in old)
        {
            var f = fresh.FirstOrDefault(x => x.ClassType == o.ClassType && x.Service == o.Service);
            if (f is null) { db.MonthlyAttendance.Remove(o); }
            else { (o.EnrolledDays, o.AttendedDays) = (f.EnrolledDays, f.AttendedDays); }
        }

        foreach (var f in fresh.Where(f => !old.Any(o => o.ClassType == f.ClassType && o.Service == f.Service)))
        {
            db.MonthlyAttendance.Add(Row(institutionId, month, f));
        }
    }

    private async Task<IReadOnlyList<Calc.Figures>> ComputeAsync(Guid institutionId, YearMonth month, Guid? childId, CancellationToken ct,
        (DateOnly Day, bool Present)? corrected = null)
    {
        var (first, last) = (month.FirstDay, month.LastDay);
        var enrollments = await db.Enrollments.AsNoTracking()
            .Where(e => e.InstitutionId == institutionId && e.StartDate <= last && (e.EndDate == null || e.EndDate >= first))
            .Where(e => childId == null || e.ChildId == childId)
            .Select(e => new Calc.Enrollment(e.Id, e.ChildId, e.ClassId, e.Service, e.StartDate, e.EndDate)).ToListAsync(ct);
        var ids = enrollments.Select(e => e.Id).ToList();
        var pauses = await db.EnrollmentPauses.AsNoTracking().Where(p => ids.Contains(p.EnrollmentId))
            .Select(p => new Calc.Pause(p.EnrollmentId, p.From, p.To)).ToListAsync(ct);
        var types = (await classes.OfInstitutionAsync(institutionId, ct)).ToDictionary(c => c.Id, c => c.Type);
        var present = await db.Attendance.AsNoTracking()
            .Where(a => a.InstitutionId == institutionId && a.Date >= first && a.Date <= last && a.Status == AttendanceStatus.Present)
            .Where(a => childId == null || a.ChildId == childId)
            .Select(a => new { a.ChildId, a.Date }).ToListAsync(ct);
        var days = present.Select(p => (p.ChildId, p.Date)).ToList();
        if (corrected is { } c && childId is { } child)
        {
            days.Remove((child, c.Day));
            if (c.Present) { days.Add((child, c.Day)); }
        }

        return Calc.Compute(month, enrollments, pauses, types, days);
    }

    private async Task<MonthFiguresDto> FiguresAsync(Guid institutionId, YearMonth month, CancellationToken ct)
    {
        var close = await db.MonthCloses.AsNoTracking().FirstOrDefaultAsync(m => m.InstitutionId == institutionId && m.Month == month, ct);
        IReadOnlyList<Calc.Figures> figures = close is null
            ? await ComputeAsync(institutionId, month, null, ct)
            : (await db.MonthlyAttendance.AsNoTracking().Where(m => m.InstitutionId == institutionId && m.Month == month).ToListAsync(ct))
                .Select(m => new Calc.Figures(m.ChildId, m.ClassType, m.Service, m.EnrolledDays, m.AttendedDays)).ToList();
        var childIds = figures.Select(f => f.ChildId).Distinct().ToList();
        var names = await db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var rows = figures.Select(f => new MonthFiguresRow(f.ChildId, names.GetValueOrDefault(f.ChildId, ""), f.ClassType.ToString(),
                ClassTypes.ChineseName(f.ClassType), f.Service.ToString(), f.EnrolledDays, f.AttendedDays))
            .OrderBy(r => r.ChildName, StringComparer.Ordinal).ThenBy(r => r.ClassType, StringComparer.Ordinal).ToList();
        return new MonthFiguresDto(institutionId, month.ToString(), close is not null,
            close is null ? null : new DateTimeOffset(DateTime.SpecifyKind(close.ClosedAt, DateTimeKind.Utc)), rows);
    }

    internal static MonthlyAttendance Row(Guid institutionId, YearMonth month, Calc.Figures f) => new()
    {
        Id = Guid.NewGuid(), InstitutionId = institutionId, ChildId = f.ChildId, Month = month, ClassType = f.ClassType,
        Service = f.Service, EnrolledDays = f.EnrolledDays, AttendedDays = f.AttendedDays,
    };

    private static YearMonth ParseMonth(string text) =>
        YearMonth.TryParse(text, out var m) ? m : throw ValidationFailedException.For("month", "月份格式应为 yyyy-MM，如 2026-10");

    private static string ServiceName(string service) =>
        CareServiceSet.TryParseSingle(service, out var s) ? CareServiceSet.ChineseName(s) : service;
}
