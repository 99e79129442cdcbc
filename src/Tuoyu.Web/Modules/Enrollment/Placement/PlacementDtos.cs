namespace Tuoyu.Web.Modules.Enrollment.Placement;

public sealed record EnrollRequest(Guid? ChildId, Guid? ClassId, string? ServiceType, DateOnly? StartDate);

public sealed record MoveRequest(Guid? ClassId, DateOnly? EffectiveOn, string? Reason);

public sealed record PauseRequest(DateOnly? From, DateOnly? To, string? Reason);

public sealed record ResumeRequest(DateOnly? ResumeOn);

public sealed record WithdrawRequest(DateOnly? EndDate, string? Reason);

public sealed record EnrollmentView(Guid Id, Guid ChildId, Guid InstitutionId, Guid ClassId, string ClassName, string ClassTypeName,
    string Service, string ServiceName, DateOnly StartDate, DateOnly? EndDate, string? EndReason, Guid? PreviousEnrollmentId,
    IReadOnlyList<PauseView> Pauses, int Version);

public sealed record PauseView(DateOnly From, DateOnly? To, string Reason);

public sealed record EnrollmentEventView(Guid EnrollmentId, string Kind, string KindName, Guid? FromClassId, Guid? ToClassId, DateOnly EffectiveOn,
    string? Reason, DateTime At);

public sealed record EnrollmentHistory(IReadOnlyList<EnrollmentView> Enrollments, IReadOnlyList<EnrollmentEventView> Events);
