using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;

namespace Tuoyu.Web.Common.Auditing;

/// <summary>Wakes the sealer after a commit.</summary>
public sealed class AuditChainSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); } catch (SemaphoreFullException) { /* already signalled */ }
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}

/// <summary>
/// The hash chain: each sealed entry's hash covers its content and the previous entry's hash, so a
/// changed or removed record breaks every hash after it. Entries are sealed in commit order by one
/// sealer at a time (a PostgreSQL advisory lock covers several app instances).
/// </summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string ComputeHash(string prevHash, long chainIndex, AuditEntry e)
    {
        var text = string.Join('\u001f',
            prevHash,
            chainIndex.ToString(CultureInfo.InvariantCulture),
            e.Id.ToString(CultureInfo.InvariantCulture),
            e.At.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            e.UserId?.ToString() ?? string.Empty,
            e.UserName ?? string.Empty,
            e.Action,
            e.EntityType,
            e.EntityId ?? string.Empty,
            e.Summary ?? string.Empty,
            e.Outcome,
            e.ClientIp ?? string.Empty);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The sealer's queue, in chain order; served by the partial index IX_audit_entries_unsealed (ADR 0031).</summary>
    internal static IQueryable<AuditEntry> Unsealed(AppDbContext db) => db.AuditEntries.Where(a => a.Hash == null).OrderBy(a => a.Id);

    /// <summary>Seals up to <paramref name="max"/> unsealed entries; returns how many.</summary>
    public static async Task<int> SealPendingAsync(AppDbContext db, DatabaseProvider provider, int max, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(727001)", ct);
        }

        var last = await db.AuditEntries.AsNoTracking()
            .Where(a => a.ChainIndex != null)
            .OrderByDescending(a => a.ChainIndex)
            .Select(a => new { a.ChainIndex, a.Hash })
            .FirstOrDefaultAsync(ct);
        var pending = await Unsealed(db).Take(max).ToListAsync(ct);
        var index = last?.ChainIndex ?? 0;
        var prev = last?.Hash ?? Genesis;
        foreach (var entry in pending)
        {
            index++;
            entry.ChainIndex = index;
            entry.PrevHash = prev;
            entry.Hash = ComputeHash(prev, index, entry);
            prev = entry.Hash;
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return pending.Count;
    }

    /// <summary>Walks the chain from the start; returns the first broken chain index, or null when intact.</summary>
    public static async Task<AuditVerification> VerifyAsync(AppDbContext db, CancellationToken ct)
    {
        var prev = Genesis;
        long expected = 0;
        long checkedCount = 0;
        long from = 0;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(a => a.ChainIndex > from)
                .OrderBy(a => a.ChainIndex)
                .Take(2000)
                .ToListAsync(ct);
            if (batch.Count == 0) { break; }
            foreach (var e in batch)
            {
                expected++;
                if (e.ChainIndex != expected || e.PrevHash != prev || e.Hash != ComputeHash(prev, expected, e))
                {
                    return new AuditVerification(false, checkedCount, expected);
                }

                prev = e.Hash!;
                checkedCount++;
            }

            from = batch[^1].ChainIndex!.Value;
        }

        return new AuditVerification(true, checkedCount, null);
    }
}

public sealed record AuditVerification(bool Intact, long CheckedEntries, long? FirstBrokenIndex);

/// <summary>
/// Seals new audit entries shortly after they commit: at most one pass every <see cref="MinInterval"/>, so that under
/// load (the morning check-in peak, bench/checkin) one pass seals the entries of many requests. A pass looks for
/// unsealed entries with a scan of the audit table (no index on Hash), and on SQLite it holds the write lock while it
/// seals: waking it after every commit made every write wait for a scan.
/// </summary>
internal sealed class AuditChainSealer(IServiceScopeFactory scopes, AuditChainSignal signal, DatabaseSettings settings, ILogger<AuditChainSealer> logger)
    : BackgroundService
{
    /// <summary>The shortest time between two sealing passes (a latency of the chain, not of any request).</summary>
    internal static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                while (await AuditChain.SealPendingAsync(db, settings.Provider, 1000, stoppingToken) == 1000)
                {
                    db.ChangeTracker.Clear();
                }

                await Task.Delay(MinInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                logger.LogWarning(ex, "Sealing audit entries failed; will retry");
            }
        }
    }
}
