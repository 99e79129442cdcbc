using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Auditing;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Attendance;
using Tuoyu.Web.Modules.Enrollment.Closing;
using Tuoyu.Web.Modules.Enrollment.Domain;

namespace Tuoyu.Web.Modules.Enrollment.Alerts;

/// <summary>
/// 园长提醒 (issue #4 item 5): for the director of one institution, today's classes out of ratio or over capacity,
/// children with fever at the 晨检, and corrections of closed months still waiting for the regulator.
/// </summary>
internal sealed class AlertsHandler(AppDbContext db, CurrentUser current, ClassDayHandler days, CorrectionHandler corrections, AuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// 37.3 ℃ (axillary), in tenths: the common clinical cut-off for 发热 in young children. Not a figure of any
    /// policy the platform holds (domain.md gives none): a named constant so the page and its test agree.
    /// </summary>
    public const int FeverFromTenths = 373;

    public async Task<AlertsDto> TodayAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var today = ChinaTime.Today(clock);
        if (user.InstitutionId is not { } institution) { return new AlertsDto(today, [], [], []); }

        var classes = new List<ClassAlert>();
        foreach (var c in await days.MyClassesAsync(ct))
        {
            var d = await days.TodayAsync(c.Id, ct);
            if (!d.WithinRatio || d.Enrolled > d.Capacity)
            {
                classes.Add(new ClassAlert(d.ClassId, d.ClassName, d.ClassType, d.Capacity, d.Enrolled, d.Present, d.CarersPresent, d.CarersRequired,
                    !d.WithinRatio, d.Enrolled > d.Capacity));
            }
        }

        var fever = await db.Attendance.AsNoTracking()
            .Where(a => a.InstitutionId == institution && a.Date == today
                && (a.TemperatureTenths >= FeverFromTenths || (a.HealthCheck & Symptoms.Fever) != 0 || (a.AbsenceSymptoms & Symptoms.Fever) != 0))
            .Join(db.Children.AsNoTracking(), a => a.ChildId, c => c.Id, (a, c) => new { a, c.Name })
            .ToListAsync(ct);
        var children = fever.Select(x => new FeverAlert(x.a.ChildId, x.Name, x.a.ClassId, AttendanceNames.Status(x.a),
                x.a.TemperatureTenths is { } t ? AttendanceRules.Celsius(t) : null))
            .OrderBy(f => f.ChildName, StringComparer.Ordinal).ToList();
        foreach (var childId in children.Select(c => c.ChildId).Distinct())
        {
            await audit.RecordAsync("read", nameof(AttendanceDay), childId.ToString(), "success", "{\"fields\":[\"HealthCheck\"]}", ct: ct);
        }

        var pending = await corrections.ListAsync(nameof(CorrectionStatus.Pending), ct);
        return new AlertsDto(today, classes, children, pending);
    }
}

public sealed record AlertsDto(DateOnly Date, IReadOnlyList<ClassAlert> Classes, IReadOnlyList<FeverAlert> Fever, IReadOnlyList<CorrectionDto> PendingCorrections);

public sealed record ClassAlert(
    Guid ClassId, string ClassName, string ClassType, int Capacity, int Enrolled, int Present, int CarersPresent, int CarersRequired,
    bool OutOfRatio, bool OverCapacity);

/// <summary>A child with fever today: at the 晨检 (temperature or finding) or absent sick with fever.</summary>
public sealed record FeverAlert(Guid ChildId, string ChildName, Guid ClassId, string StatusName, decimal? Temperature);
