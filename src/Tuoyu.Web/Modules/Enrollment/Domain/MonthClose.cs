using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Enrollment.Domain;

/// <summary>
/// 月度考勤关账 (issue #4 item 8): an institution closes a month's attendance; afterwards a change to a day of that
/// month is a correction a regulator must approve. Closing writes the month's <see cref="MonthlyAttendance"/>
/// figures, which subsidies read. One row per institution and month.
/// </summary>
public sealed class MonthClose : IVersioned
{
    public Guid Id { get; init; }
    public Guid InstitutionId { get; init; }
    public YearMonth Month { get; init; }
    /// <summary>UTC.</summary>
    public DateTime ClosedAt { get; init; }
    public Guid ClosedByUserId { get; init; }
    public int Version { get; set; }
}

/// <summary>
/// Per child, institution, month and class type: the days enrolled and attended (a child who changed class type
/// mid-month has one row per type). Written at month close and by approved corrections; subsidies read these.
/// </summary>
public sealed class MonthlyAttendance
{
    public Guid Id { get; init; }
    public Guid InstitutionId { get; init; }
    public Guid ChildId { get; init; }
    public YearMonth Month { get; init; }
    public ClassType ClassType { get; init; }
    public CareServices Service { get; init; }
    /// <summary>Days in the month on which the child was enrolled in a class of this type.</summary>
    public int EnrolledDays { get; set; }
    /// <summary>Of those, days marked present.</summary>
    public int AttendedDays { get; set; }
}
