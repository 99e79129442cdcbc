using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Auditing;
using Tuoyu.Web.Common.Regions;

namespace Tuoyu.Web.Common.Data;

/// <summary>Brings the database to the current model at start-up: backup (SQLite), migrate, harden, regions.</summary>
internal sealed class DatabaseInitializer(AppDbContext db, DatabaseSettings settings, TimeProvider clock, ILogger<DatabaseInitializer> logger)
{
    /// <summary>True when this start created the database (no migration had been applied before).</summary>
    public bool CreatedFresh { get; private set; }

    public async Task MigrateAsync(bool force = false, CancellationToken ct = default)
    {
        var existingFile = false;
        if (settings.SqliteFilePath is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            existingFile = File.Exists(file) && new FileInfo(file).Length > 0;
        }

        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        CreatedFresh = applied.Count == 0;
        if (pending.Count > 0)
        {
            if (!settings.MigrateOnStartup && !force)
            {
                throw new InvalidOperationException(
                    $"The database has {pending.Count} pending migration(s). Run `dotnet run --project src/Tuoyu.Web -- migrate` first.");
            }

            if (settings.SqliteFilePath is { } path && existingFile)
            {
                await BackupSqliteAsync(path, ct);
            }

            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(ct);
        }

        await AuditStoreGuard.ApplyAsync(db, settings.Provider, ct);
        await RegionLoader.LoadIfEmptyAsync(db, logger, ct);
    }

    private async Task BackupSqliteAsync(string path, CancellationToken ct)
    {
        var dir = Path.Combine(Path.GetDirectoryName(path)!, "backups");
        Directory.CreateDirectory(dir);
        var target = Path.Combine(dir, $"{Path.GetFileNameWithoutExtension(path)}-{clock.GetUtcNow():yyyyMMddHHmmss}.db");
        // VACUUM INTO writes a consistent copy including what is still in the WAL.
        await db.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", [target], ct);
        logger.LogInformation("Copied the database aside to {Backup} before migrating", target);
    }
}
