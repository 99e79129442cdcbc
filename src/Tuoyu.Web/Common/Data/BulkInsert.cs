using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Tuoyu.Web.Common.Data;

/// <summary>
/// Multi-row INSERT for large loads (regions, demo and benchmark worlds) on either provider.
/// Table, column and value conversions come from the EF model, so rows look exactly as EF writes them.
/// Bypasses change tracking and the audit interceptor: callers write their own audit summary.
/// </summary>
public static class BulkInsert
{
    public static async Task InsertAsync<T>(AppDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct = default)
        where T : class
    {
        if (rows.Count == 0) { return; }
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T)} is not mapped.");
        var table = entityType.GetTableName()!;
        var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var props = entityType.GetProperties()
            .Where(p => !(p.IsKey() && p.ValueGenerated != Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never && (p.ClrType == typeof(int) || p.ClrType == typeof(long))))
            .ToArray();
        var mappings = props.Select(p => p.GetRelationalTypeMapping()).ToArray();
        var getters = props.Select(p => p.GetGetter()).ToArray();
        var columns = string.Join(",", props.Select(p => $"\"{p.GetColumnName(store)}\""));
        var perBatch = Math.Max(1, Math.Min(500, 30000 / props.Length));

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) { await db.Database.OpenConnectionAsync(ct); }
        try
        {
            var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            foreach (var chunk in rows.Chunk(perBatch))
            {
                await using var cmd = connection.CreateCommand();
                cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                var sql = new StringBuilder($"INSERT INTO \"{table}\" ({columns}) VALUES ");
                var n = 0;
                for (var r = 0; r < chunk.Length; r++)
                {
                    sql.Append(r == 0 ? "(" : ",(");
                    for (var c = 0; c < props.Length; c++)
                    {
                        var name = "@p" + n++;
                        sql.Append(c == 0 ? name : "," + name);
                        cmd.Parameters.Add(mappings[c].CreateParameter(cmd, name, getters[c].GetClrValue(chunk[r]), props[c].IsNullable));
                    }

                    sql.Append(')');
                }

                cmd.CommandText = sql.ToString();
                await cmd.ExecuteNonQueryAsync(ct);
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(ct);
                await ownTransaction.DisposeAsync();
            }
        }
        finally
        {
            if (opened) { await db.Database.CloseConnectionAsync(); }
        }
    }
}
