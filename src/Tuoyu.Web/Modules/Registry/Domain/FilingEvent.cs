namespace Tuoyu.Web.Modules.Registry.Domain;

/// <summary>One step of an institution's filing (备案) workflow: who moved it from which status to which, when and why.</summary>
public sealed class FilingEvent
{
    public const int ReasonMaxLength = 500;

    public Guid Id { get; init; }
    public Guid InstitutionId { get; init; }
    public FilingAction Action { get; init; }
    public FilingStatus FromStatus { get; init; }
    public FilingStatus ToStatus { get; init; }
    public Guid ActorUserId { get; init; }
    public required string ActorUserName { get; init; }
    /// <summary>Required for return, reject and revoke; optional otherwise; at most <see cref="ReasonMaxLength"/> characters.</summary>
    public string? Reason { get; init; }
    /// <summary>UTC, from the injected TimeProvider.</summary>
    public DateTime At { get; init; }
}

public enum FilingAction
{
    /// <summary>提交备案 (the institution's admin)</summary>
    Submit = 1,
    /// <summary>予以备案 (county-level or higher regulator)</summary>
    Approve = 2,
    /// <summary>退回补正</summary>
    Return = 3,
    /// <summary>不予备案</summary>
    Reject = 4,
    /// <summary>撤销备案</summary>
    Revoke = 5,
}
