namespace Tuoyu.Web.Modules.Enrollment.Attendance;

/// <summary>入园签到 with the 晨检. <c>At</c> defaults to now and must be today (China) and not in the future.</summary>
public sealed record CheckInRequest(Guid? ChildId, DateTimeOffset? At, decimal? Temperature, IReadOnlyList<string>? HealthCheck, string? HealthNotes);

/// <summary>离园签退 to a guardian (<c>PickedUpByKind</c> "Guardian") or an authorised pick-up person ("PickupPerson").</summary>
public sealed record CheckOutRequest(Guid? ChildId, DateTimeOffset? At, string? PickedUpByKind, Guid? PickedUpById);

/// <summary>缺勤登记 for today or a later day of the current month (a known leave).</summary>
public sealed record AbsenceRequest(Guid? ChildId, DateOnly? Date, string? Reason, IReadOnlyList<string>? Symptoms, string? Note);

/// <summary>Check in several children of one class at once (all enrolled children not yet recorded today when <c>ChildIds</c> is empty).</summary>
public sealed record ClassCheckInRequest(IReadOnlyList<Guid>? ChildIds);

public sealed record AttendanceDto(
    Guid Id, Guid ChildId, Guid ClassId, DateOnly Date, string Status, string StatusName,
    DateTimeOffset? CheckInAt, string? CheckInMethod, decimal? Temperature, IReadOnlyList<string> HealthCheck,
    DateTimeOffset? CheckOutAt, string? PickedUpByKind, Guid? PickedUpById, string? PickedUpByName,
    string? AbsenceReason, IReadOnlyList<string> AbsenceSymptoms, int Version);

/// <summary>The result of one check-in: <c>Created</c> false when the child was already checked in (nothing changed).</summary>
public sealed record CheckInResult(AttendanceDto Attendance, bool Created);

public sealed record ClassCheckInResult(int CheckedIn, int AlreadyPresent, IReadOnlyList<ClassCheckInSkip> Skipped);

public sealed record ClassCheckInSkip(Guid ChildId, string Code, string Message);

/// <summary>A class's day: who is in, who is out, and the ratio of carers present.</summary>
public sealed record ClassTodayDto(
    Guid ClassId, string ClassName, string ClassType, int Capacity, DateOnly Date,
    int Enrolled, int Present, int Absent, int NotRecorded, int CarersPresent, int CarersRequired, bool WithinRatio,
    IReadOnlyList<ClassTodayChild> Children);

public sealed record ClassTodayChild(
    Guid ChildId, string Name, int AgeMonths, string Status, string StatusName, DateTimeOffset? CheckInAt, decimal? Temperature,
    IReadOnlyList<string> HealthCheck, DateTimeOffset? CheckOutAt, string? AbsenceReason, bool HasAllergies);

/// <summary>Someone a child may be handed to at check-out: a guardian or an authorised pick-up person.</summary>
public sealed record PickerOption(string Kind, Guid Id, string Label);
