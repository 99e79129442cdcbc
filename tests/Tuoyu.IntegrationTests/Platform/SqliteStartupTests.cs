using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Tuoyu.IntegrationTests.Infrastructure;

namespace Tuoyu.IntegrationTests.Platform;

/// <summary>The embedded database migrates itself at start-up, after copying the old file aside.</summary>
public sealed class SqliteStartupTests
{
    [Fact]
    public async Task Migrating_an_existing_file_first_copies_it_aside_and_runs_in_wal_mode()
    {
        var dir = Directory.CreateTempSubdirectory("tuoyu-backup-").FullName;
        var path = Path.Combine(dir, "tuoyu.db");
        await using (var conn = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "CREATE TABLE legacy_notes (note TEXT); INSERT INTO legacy_notes VALUES ('旧数据');";
            await cmd.ExecuteNonQueryAsync();
        }

        await using (var factory = new TuoyuFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite", ["Database:SqlitePath"] = path, ["DataDirectory"] = Path.Combine(dir, "data"), ["Seed"] = "none",
        }))
        {
            _ = factory.Server;
            var mode = await factory.WithDbAsync(async db =>
            {
                await db.Database.OpenConnectionAsync();
                await using var cmd = db.Database.GetDbConnection().CreateCommand();
                cmd.CommandText = "PRAGMA journal_mode";
                return (string)(await cmd.ExecuteScalarAsync())!;
            });
            Assert.Equal("wal", mode);
            Assert.Empty(await factory.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList()));
        }

        var backups = Directory.GetFiles(Path.Combine(dir, "backups"), "tuoyu-*.db");
        var backup = Assert.Single(backups);
        await using (var conn = new SqliteConnection($"Data Source={backup};Mode=ReadOnly;Pooling=False"))
        {
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT note FROM legacy_notes";
            Assert.Equal("旧数据", (string)(await cmd.ExecuteScalarAsync())!);
        }

        SqliteConnection.ClearAllPools();
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }
}
