using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Tuoyu.Web.Common.Data;

namespace Tuoyu.Web.Common.Auditing;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every inserted, updated or deleted row in the same
/// SaveChanges (so the audit record commits or rolls back with the change), then wakes the sealer.
/// </summary>
internal sealed class AuditingInterceptor(IHttpContextAccessor http, TimeProvider clock, AuditChainSignal signal) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddEntries(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddEntries(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyIfUnsealed(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NotifyIfUnsealed(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>The sealer's own saves touch only sealed entries, so they do not wake it again.</summary>
    private void NotifyIfUnsealed(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<AuditEntry>().Any(e => e.Entity.Hash is null))
        {
            signal.Notify();
        }
    }

    private void AddEntries(DbContext? context)
    {
        if (context is not AppDbContext db) { return; }
        var actor = AuditActor.From(http.HttpContext);
        var at = AuditClock.Now(clock);
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.Entity is not AuditEntry && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var entry in entries)
        {
            var summary = Summarize(entry);
            if (summary is null) { continue; }
            db.AuditEntries.Add(new AuditEntry
            {
                At = at,
                UserId = actor.UserId,
                UserName = actor.UserName,
                Action = entry.State switch { EntityState.Added => "create", EntityState.Deleted => "delete", _ => "update" },
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                Summary = summary,
                Outcome = "success",
                ClientIp = actor.ClientIp,
            });
        }
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));

    private static string? Summarize(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var p in entry.Properties)
        {
            if (p.Metadata.IsPrimaryKey()) { continue; }
            if (entry.State == EntityState.Modified && !p.IsModified) { continue; }
            if (entry.State == EntityState.Modified && Equals(p.OriginalValue, p.CurrentValue)) { continue; }
            var name = p.Metadata.Name;
            var entity = entry.Metadata.ClrType.Name;
            if (entry.State == EntityState.Modified)
            {
                if (AuditMasking.TryMask(entity, name, p.OriginalValue, out var before) && AuditMasking.TryMask(entity, name, p.CurrentValue, out var after))
                {
                    changes[name] = new[] { before, after };
                }
            }
            else if (AuditMasking.TryMask(entity, name, entry.State == EntityState.Deleted ? p.OriginalValue : p.CurrentValue, out var value))
            {
                changes[name] = value;
            }
        }

        // An update whose only change is a secret (e.g. a security stamp) still leaves a trace.
        return JsonSerializer.Serialize(changes, AuditJson.Options);
    }
}

internal static class AuditJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <summary>Who is acting, from the request (null outside a request: start-up, background jobs).</summary>
internal readonly record struct AuditActor(Guid? UserId, string? UserName, string? ClientIp)
{
    public static AuditActor From(HttpContext? context)
    {
        if (context is null) { return new AuditActor(null, "system", null); }
        var id = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        return new AuditActor(
            Guid.TryParse(id, out var g) ? g : null,
            context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : null,
            context.Connection.RemoteIpAddress?.ToString());
    }
}

internal static class AuditClock
{
    /// <summary>Truncated to microseconds so the hash survives PostgreSQL's timestamp precision.</summary>
    public static DateTime Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
    }
}
