namespace Tuoyu.Web.Modules.Staff.Domain;

/// <summary>
/// A staff member's presence on one China date (issue #4 item 5: staff check in too, so the live ratio counts
/// carers present per class). One row per person and day; the class is where they work that day.
/// </summary>
public sealed class StaffAttendanceDay
{
    public Guid Id { get; init; }
    public Guid StaffMemberId { get; init; }
    public Guid InstitutionId { get; init; }
    public Guid? ClassId { get; set; }
    public DateOnly Date { get; init; }
    /// <summary>UTC.</summary>
    public DateTime CheckInAt { get; init; }
    /// <summary>UTC; null while on duty.</summary>
    public DateTime? CheckOutAt { get; set; }
    public Guid RecordedByUserId { get; init; }
}
