using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tuoyu.Web.Common.Data;

/// <summary>
/// SQLite has one writer at a time, and Microsoft.Data.Sqlite waits for the write lock synchronously inside SQLite's
/// busy handler — a thread-pool thread asleep per waiting request, which starves the pool under a morning peak.
/// This gate queues the process's own write transactions asynchronously instead: a transaction waits for the gate
/// before <c>BEGIN</c> (no thread held while waiting) and releases it when it commits, rolls back, fails or its
/// connection closes — whichever comes first. Writers outside this process still meet SQLite's busy timeout.
/// ADR 0031.
/// </summary>
internal sealed class SqliteWriteGate : DbTransactionInterceptor, IDbConnectionInterceptor
{
    /// <summary>As long as SQLite's own busy timeout (SqlitePragmaInterceptor): a writer that waits longer fails.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConditionalWeakTable<object, Holder> _holders = [];

    private sealed class Holder
    {
        public bool Held;
    }

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (!_gate.Wait(WaitLimit)) { throw TimedOut(); }
        _holders.GetOrCreateValue(Key(eventData, connection)!).Held = true;
        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (!await _gate.WaitAsync(WaitLimit, cancellationToken)) { throw TimedOut(); }
        _holders.GetOrCreateValue(Key(eventData, connection)!).Held = true;
        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(Key(eventData, null));

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(Key(eventData, null));
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(Key(eventData, null));

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(Key(eventData, null));
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => ReleaseUnlessOpen(Key(eventData, null), transaction);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseUnlessOpen(Key(eventData, null), transaction);
        return Task.CompletedTask;
    }

    void IDbConnectionInterceptor.ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(Key(eventData, connection));

    Task IDbConnectionInterceptor.ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(Key(eventData, connection));
        return Task.CompletedTask;
    }

    void IDbConnectionInterceptor.ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Release(Key(eventData, connection));

    Task IDbConnectionInterceptor.ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(Key(eventData, connection));
        return Task.CompletedTask;
    }

    /// <summary>A failed commit leaves the transaction to be rolled back; a failed begin holds nothing in SQLite.</summary>
    private void ReleaseUnlessOpen(object? key, DbTransaction? transaction)
    {
        if (transaction?.Connection is null) { Release(key); }
    }

    /// <summary>The gate is held per context (each request and the audit sealer have their own).</summary>
    private static object? Key(DbContextEventData data, DbConnection? connection) => data.Context ?? (object?)connection;

    private void Release(object? key)
    {
        if (key is not null && _holders.TryGetValue(key, out var holder) && holder.Held)
        {
            holder.Held = false;
            _gate.Release();
        }
    }

    private static TimeoutException TimedOut() => new($"SQLite write gate: no turn within {WaitLimit.TotalSeconds:0} s");
}
