using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Enrollment.Domain;

/// <summary>
/// 入托申请 (issue #4 item 2): a guardian applies for a child at one institution for a service from a month. An
/// institution's queue is its open applications in <see cref="SubmittedAt"/> order; an offer names a class and
/// a deadline; the guardian accepts (which creates the enrollment) or declines, or the offer lapses.
/// A child has at most one open application per institution (a unique index over the open statuses).
/// </summary>
public sealed class ChildcareApplication : IVersioned
{
    public const int NoteMaxLength = 500;

    public Guid Id { get; init; }
    public Guid ChildId { get; init; }
    public Guid InstitutionId { get; init; }
    /// <summary>The guardian's account that applied.</summary>
    public Guid ApplicantUserId { get; init; }
    /// <summary>Exactly one service flag.</summary>
    public CareServices Service { get; init; }
    public YearMonth StartMonth { get; init; }
    public ApplicationStatus Status { get; set; }
    /// <summary>UTC; the queue order.</summary>
    public DateTime SubmittedAt { get; init; }
    public Guid? OfferedClassId { get; set; }
    /// <summary>UTC.</summary>
    public DateTime? OfferedAt { get; set; }
    /// <summary>Last day (China date) the guardian may accept.</summary>
    public DateOnly? OfferExpiresOn { get; set; }
    /// <summary>UTC of the final decision (accepted, declined, lapsed, withdrawn, refused).</summary>
    public DateTime? ClosedAt { get; set; }
    /// <summary>The guardian's note on applying, or the institution's reason for refusing.</summary>
    public string? Note { get; set; }
    /// <summary>The enrollment an accepted offer created.</summary>
    public Guid? EnrollmentId { get; set; }
    public int Version { get; set; }
}

public enum ApplicationStatus
{
    /// <summary>排队中</summary>
    Waiting = 1,
    /// <summary>已发出学位</summary>
    Offered = 2,
    /// <summary>已接受 (enrolled)</summary>
    Accepted = 3,
    /// <summary>已放弃</summary>
    Declined = 4,
    /// <summary>逾期未确认</summary>
    Lapsed = 5,
    /// <summary>已撤回 (by the guardian before an offer)</summary>
    Withdrawn = 6,
    /// <summary>不予录取 (by the institution, with a reason)</summary>
    Refused = 7,
}
