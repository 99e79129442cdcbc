using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Enrollment.Domain;

/// <summary>
/// 入托: a child placed in one class of an institution for a service from a date. A move to another class ends
/// this row the day before and starts a new one (<see cref="PreviousEnrollmentId"/>), so the class — and its class
/// type — on any day is the row covering that day. Pauses are <see cref="EnrollmentPause"/> rows; every step is an
/// <see cref="EnrollmentEvent"/>.
/// </summary>
public sealed class ChildEnrollment : IVersioned
{
    public Guid Id { get; init; }
    public Guid ChildId { get; init; }
    public Guid InstitutionId { get; init; }
    public Guid ClassId { get; set; }
    /// <summary>Exactly one service flag (全日托, 半日托, 计时托 or 临时托).</summary>
    public CareServices Service { get; set; }
    public DateOnly StartDate { get; init; }
    /// <summary>Last day in care; null while enrolled.</summary>
    public DateOnly? EndDate { get; set; }
    public EnrollmentEndReason? EndReason { get; set; }
    /// <summary>The enrollment this one continues after a class move.</summary>
    public Guid? PreviousEnrollmentId { get; init; }
    public int Version { get; set; }
}

public enum EnrollmentEndReason
{
    /// <summary>转班</summary>
    Moved = 1,
    /// <summary>退托</summary>
    Withdrawn = 2,
    /// <summary>满3岁离园 / 升入幼儿园</summary>
    Graduated = 3,
}

/// <summary>暂停入托: days in the period are not enrolled days (month close, subsidies); <see cref="To"/> null while paused.</summary>
public sealed class EnrollmentPause
{
    public const int ReasonMaxLength = 200;

    public Guid Id { get; init; }
    public Guid EnrollmentId { get; init; }
    public DateOnly From { get; init; }
    public DateOnly? To { get; set; }
    public required string Reason { get; init; }
}

/// <summary>One step of a child's enrollment history: who did what, effective when, and why.</summary>
public sealed class EnrollmentEvent
{
    public const int ReasonMaxLength = 200;

    public Guid Id { get; init; }
    public Guid EnrollmentId { get; init; }
    public Guid ChildId { get; init; }
    public Guid InstitutionId { get; init; }
    public EnrollmentEventKind Kind { get; init; }
    public Guid? FromClassId { get; init; }
    public Guid? ToClassId { get; init; }
    public DateOnly EffectiveOn { get; init; }
    public string? Reason { get; init; }
    public Guid ActorUserId { get; init; }
    /// <summary>UTC.</summary>
    public DateTime At { get; init; }
}

public enum EnrollmentEventKind
{
    /// <summary>入托</summary>
    Enrolled = 1,
    /// <summary>转班</summary>
    Moved = 2,
    /// <summary>暂停</summary>
    Paused = 3,
    /// <summary>恢复</summary>
    Resumed = 4,
    /// <summary>退托</summary>
    Withdrawn = 5,
}
