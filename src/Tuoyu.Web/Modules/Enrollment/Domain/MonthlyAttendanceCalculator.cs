using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Enrollment.Domain;

/// <summary>
/// 月度考勤汇总 (issue #4 item 8, ADR 0024): a month's figures per child, class type and service, computed day by day
/// from the enrollment rows covering each day. A day counts as enrolled when an enrollment row covers it and no pause
/// of that row does; <b>enrolled days are calendar days</b> (a working-day count would need the State Council's
/// 调休 calendar, which the platform does not hold, and subsidies quote "在托天数"). A day counts as attended when
/// it is enrolled and the child was marked present; a present day outside care is ignored (it cannot happen through
/// the API, which refuses attendance for a child not in care).
/// </summary>
public static class MonthlyAttendanceCalculator
{
    public sealed record Enrollment(Guid Id, Guid ChildId, Guid ClassId, CareServices Service, DateOnly StartDate, DateOnly? EndDate);

    public sealed record Pause(Guid EnrollmentId, DateOnly From, DateOnly? To);

    public sealed record Figures(Guid ChildId, ClassType ClassType, CareServices Service, int EnrolledDays, int AttendedDays);

    /// <summary>
    /// The month's rows, ordered by child, class type and service. <paramref name="classTypes"/> maps every class of the
    /// enrollments to its type; <paramref name="presentDays"/> are the (child, date) pairs marked present.
    /// </summary>
    public static IReadOnlyList<Figures> Compute(
        YearMonth month, IEnumerable<Enrollment> enrollments, IEnumerable<Pause> pauses,
        IReadOnlyDictionary<Guid, ClassType> classTypes, IEnumerable<(Guid ChildId, DateOnly Date)> presentDays)
    {
        var pausesByEnrollment = pauses.ToLookup(p => p.EnrollmentId);
        var present = presentDays.Where(p => month.Contains(p.Date)).ToHashSet();
        var totals = new Dictionary<(Guid Child, ClassType Type, CareServices Service), (int Enrolled, int Attended)>();
        foreach (var e in enrollments)
        {
            var from = e.StartDate > month.FirstDay ? e.StartDate : month.FirstDay;
            var to = e.EndDate is { } end && end < month.LastDay ? end : month.LastDay;
            if (from > to) { continue; }
            var type = classTypes.TryGetValue(e.ClassId, out var t) ? t
                : throw new ArgumentException($"No class type for class {e.ClassId}.", nameof(classTypes));
            var ps = pausesByEnrollment[e.Id].ToList();
            for (var d = from; d <= to; d = d.AddDays(1))
            {
                var day = d;
                if (ps.Any(p => p.From <= day && (p.To is null || p.To >= day))) { continue; }
                var key = (e.ChildId, type, e.Service);
                var (enrolled, attended) = totals.GetValueOrDefault(key);
                totals[key] = (enrolled + 1, attended + (present.Contains((e.ChildId, day)) ? 1 : 0));
            }
        }

        return [.. totals.Select(kv => new Figures(kv.Key.Child, kv.Key.Type, kv.Key.Service, kv.Value.Enrolled, kv.Value.Attended))
            .OrderBy(f => f.ChildId).ThenBy(f => f.ClassType).ThenBy(f => f.Service)];
    }

    /// <summary>
    /// Whether the month may be closed on <paramref name="today"/> (China date): only once its last day is over — a
    /// past month, never the current one before its end (the current month's last day is still "today", so not over).
    /// </summary>
    public static bool IsOver(YearMonth month, DateOnly today) => month.LastDay < today;
}
