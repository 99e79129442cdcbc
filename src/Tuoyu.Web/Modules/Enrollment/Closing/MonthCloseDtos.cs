namespace Tuoyu.Web.Modules.Enrollment.Closing;

/// <summary>考勤更正 of a recorded day. Only the given fields change; <c>Reason</c> is required.</summary>
public sealed record CorrectionRequest(
    string? Status, DateTimeOffset? CheckInAt, DateTimeOffset? CheckOutAt, decimal? Temperature, IReadOnlyList<string>? HealthCheck,
    string? AbsenceReason, IReadOnlyList<string>? Symptoms, string? Reason);

/// <summary>考勤更正 of a day with no record (a forgotten check-in or absence): <c>Status</c> is required.</summary>
public sealed record NewDayCorrectionRequest(
    Guid? ChildId, DateOnly? Date, string? Status, DateTimeOffset? CheckInAt, DateTimeOffset? CheckOutAt, decimal? Temperature,
    IReadOnlyList<string>? HealthCheck, string? AbsenceReason, IReadOnlyList<string>? Symptoms, string? Reason);

/// <summary>A regulator's decision; <c>Note</c> is required when rejecting.</summary>
public sealed record CorrectionDecisionRequest(string? Note);

public sealed record CorrectionDto(
    Guid Id, Guid AttendanceDayId, Guid ChildId, string ChildName, Guid InstitutionId, string? InstitutionName, DateOnly Date,
    string Before, string After, string Reason, string Status, string StatusName, DateTimeOffset RequestedAt,
    DateTimeOffset? DecidedAt, string? DecisionNote, int Version);

public sealed record MonthFiguresDto(Guid InstitutionId, string Month, bool Closed, DateTimeOffset? ClosedAt, IReadOnlyList<MonthFiguresRow> Rows);

public sealed record MonthFiguresRow(Guid ChildId, string ChildName, string ClassType, string ClassTypeName, string Service, int EnrolledDays, int AttendedDays);
