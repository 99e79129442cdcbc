namespace Tuoyu.Web.Modules.Registry.Filing;

/// <summary>
/// An institution's filing state and history (newest first). <c>Status</c> is the API name ("Submitted" …),
/// <c>StatusName</c> the Chinese one; <c>Version</c> is the institution's, to send with the next step.
/// </summary>
public sealed record FilingStateDto(Guid InstitutionId, string Status, string StatusName, DateOnly? FiledOn, int Version,
    IReadOnlyList<FilingEventDto> History);

/// <summary>One step; <c>At</c> is UTC.</summary>
public sealed record FilingEventDto(Guid Id, string Action, string ActionName, string FromStatus, string ToStatus,
    Guid ActorUserId, string ActorUserName, string? Reason, DateTime At);

/// <summary><c>Reason</c> is required for return, reject and revoke (≤ 500 characters); <c>Version</c> is the institution's version.</summary>
public sealed record FilingStepRequest(string? Reason, int? Version);
