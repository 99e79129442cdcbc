namespace Tuoyu.Web.Common.Auditing;

/// <summary>
/// One append-only audit record. Rows are written in the same transaction as the change they
/// describe and sealed afterwards into a hash chain (<see cref="ChainIndex"/>, <see cref="PrevHash"/>,
/// <see cref="Hash"/>) by <see cref="AuditChainSealer"/>; the database refuses updates of sealed rows.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTime At { get; init; }
    public Guid? UserId { get; init; }
    /// <summary>Account name, never a person's real name or ID number.</summary>
    public string? UserName { get; init; }
    /// <summary>create / update / delete / read / login / login_failed / denied …</summary>
    public required string Action { get; init; }
    public required string EntityType { get; init; }
    public string? EntityId { get; init; }
    /// <summary>Before/after summary as JSON; personal data masked.</summary>
    public string? Summary { get; init; }
    /// <summary>success / failure / denied.</summary>
    public required string Outcome { get; init; }
    public string? ClientIp { get; init; }
    public long? ChainIndex { get; set; }
    public string? PrevHash { get; set; }
    public string? Hash { get; set; }
}
