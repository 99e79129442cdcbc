using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Tuoyu.Web.Common.Data;

/// <summary>
/// Fast INSERT for large loads (regions, demo and benchmark worlds) on either provider. Table, column and
/// value conversions come from the EF model, so rows look exactly as EF writes them. SQLite gets one
/// prepared single-row statement reused for every row (its cost grows with statement size: docs/performance.md);
/// PostgreSQL gets multi-row statements to save round trips. Bypasses change tracking and the audit
/// interceptor: callers write their own audit summary.
/// </summary>
public static class BulkInsert
{
    public static async Task InsertAsync<T>(AppDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct = default)
        where T : class
    {
        if (rows.Count == 0) { return; }
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T)} is not mapped.");
        var table = entityType.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var props = entityType.GetProperties()
            .Where(p => !(p.IsKey() && p.ValueGenerated != ValueGenerated.Never && (p.ClrType == typeof(int) || p.ClrType == typeof(long))))
            .ToArray();
        var columns = new Column[props.Length];
        for (var i = 0; i < props.Length; i++)
        {
            columns[i] = new Column(props[i].GetColumnName(store)!, props[i].GetRelationalTypeMapping(), props[i].GetGetter(), props[i].IsNullable);
        }

        var rowsPerStatement = db.Database.IsSqlite() ? 1 : Math.Max(1, Math.Min(200, 30000 / props.Length));
        var opened = db.Database.GetDbConnection().State != System.Data.ConnectionState.Open;
        if (opened) { await db.Database.OpenConnectionAsync(ct); }
        try
        {
            var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            DbCommand? full = null;
            foreach (var chunk in rows.Chunk(rowsPerStatement))
            {
                if (chunk.Length == rowsPerStatement)
                {
                    full ??= await PrepareAsync(db, transaction, table, columns, rowsPerStatement, ct);
                    Bind(full, columns, chunk);
                    await full.ExecuteNonQueryAsync(ct);
                }
                else
                {
                    await using var partial = await PrepareAsync(db, transaction, table, columns, chunk.Length, ct);
                    Bind(partial, columns, chunk);
                    await partial.ExecuteNonQueryAsync(ct);
                }
            }

            if (full is not null) { await full.DisposeAsync(); }
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

    private sealed record Column(string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter, bool Nullable);

    private static async Task<DbCommand> PrepareAsync(AppDbContext db, DbTransaction transaction, string table, Column[] columns, int rowCount, CancellationToken ct)
    {
        var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = transaction;
        var sql = new StringBuilder($"INSERT INTO \"{table}\" ({string.Join(",", columns.Select(c => $"\"{c.Name}\""))}) VALUES ");
        var n = 0;
        for (var r = 0; r < rowCount; r++)
        {
            sql.Append(r == 0 ? "(" : ",(");
            for (var c = 0; c < columns.Length; c++)
            {
                var name = "@p" + n++;
                sql.Append(c == 0 ? name : "," + name);
                cmd.Parameters.Add(columns[c].Mapping.CreateParameter(cmd, name, null, columns[c].Nullable));
            }

            sql.Append(')');
        }

        cmd.CommandText = sql.ToString();
        await cmd.PrepareAsync(ct);
        return cmd;
    }

    private static void Bind<T>(DbCommand cmd, Column[] columns, T[] chunk)
        where T : class
    {
        var n = 0;
        foreach (var row in chunk)
        {
            foreach (var column in columns)
            {
                var value = column.Getter.GetClrValue(row);
                var converter = column.Mapping.Converter;
                cmd.Parameters[n++].Value = (converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
            }
        }
    }
}
