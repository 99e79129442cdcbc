namespace Tuoyu.Web.Modules.Enrollment.DailyNotes;

/// <summary>
/// Today's note for a child; every field optional but at least one must be given. <c>PhotoId</c> (from
/// <c>POST /api/v1/photos</c>) attaches a photo; omitted, the note keeps the photo it has.
/// </summary>
public sealed record DailyNoteRequest(string? Meals, int? NapMinutes, int? ToiletingTimes, string? Mood, string? Text, Guid? PhotoId = null);

public sealed record DailyNoteDto(Guid Id, Guid ChildId, DateOnly Date, string? Meals, string? MealsName, int? NapMinutes, int? ToiletingTimes,
    string? Mood, string? MoodName, string? Text, DateTimeOffset UpdatedAt, int Version, Guid? PhotoId = null, string? PhotoUrl = null);

/// <summary>One day of a child as its guardian sees it: attendance, the 晨检 and the day's note.</summary>
public sealed record ChildDayDto(DateOnly Date, string Status, string StatusName, DateTimeOffset? CheckInAt, DateTimeOffset? CheckOutAt,
    decimal? Temperature, IReadOnlyList<string> HealthCheck, string? PickedUpByName, string? AbsenceReason, DailyNoteDto? Note);

/// <summary>A guardian's child with where it is in care today.</summary>
public sealed record MyChildDto(Guid ChildId, string Name, int AgeMonths, string? InstitutionName, string? ClassName, ChildDayDto? Today);
