using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tuoyu.Web.Common.Data;

/// <summary>
/// Per-connection SQLite settings: WAL (persistent), NORMAL sync (safe under WAL), busy timeout, foreign keys.
/// They belong to the physical connection, which Microsoft.Data.Sqlite pools: they are set once per physical
/// connection (recognised by its native handle), not on every logical open (ADR 0031).
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";

    private static readonly object Done = new();
    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsPragmas(connection)) { return; }
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragmas;
        cmd.ExecuteNonQuery();
        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsPragmas(connection)) { return; }
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragmas;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }

    private bool NeedsPragmas(DbConnection connection) =>
        !IsReadOnly(connection) && !(connection is SqliteConnection { Handle: { } handle } && _configured.TryGetValue(handle, out _));

    private void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle }) { _configured.AddOrUpdate(handle, Done); }
    }

    /// <summary>EF opens a read-only connection to check whether the file exists; it cannot switch journal mode.</summary>
    private static bool IsReadOnly(DbConnection connection) =>
        new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly;
}
