using Tuoyu.Web.Common.Data;

namespace Tuoyu.Web.Common.Auditing;

/// <summary>
/// Explicit audit records for what is not a row change: reads of a child's sensitive fields,
/// sign-ins, failed sign-ins and refused requests. Never records the data itself.
/// </summary>
public sealed class AuditLog(AppDbContext db, IHttpContextAccessor http, TimeProvider clock, AuditChainSignal signal)
{
    public async Task RecordAsync(string action, string entityType, string? entityId, string outcome, string? summary = null,
        Guid? userId = null, string? userName = null, CancellationToken ct = default)
    {
        var actor = AuditActor.From(http.HttpContext);
        db.AuditEntries.Add(new AuditEntry
        {
            At = AuditClock.Now(clock),
            UserId = userId ?? actor.UserId,
            UserName = userName ?? actor.UserName,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Summary = summary,
            Outcome = outcome,
            ClientIp = actor.ClientIp,
        });
        await db.SaveChangesAsync(ct);
        signal.Notify();
    }
}
