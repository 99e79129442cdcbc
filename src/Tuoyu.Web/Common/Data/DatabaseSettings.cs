namespace Tuoyu.Web.Common.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which engine the platform runs on: SQLite embedded by default, PostgreSQL in production.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string? SqliteFilePath, bool MigrateOnStartup)
{
    public static DatabaseSettings From(IConfiguration config, string contentRoot)
    {
        var providerText = config["Database:Provider"] ?? "Sqlite";
        if (string.Equals(providerText, "Postgres", StringComparison.OrdinalIgnoreCase)
            || string.Equals(providerText, "PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            var cs = config.GetConnectionString("Tuoyu")
                ?? throw new InvalidOperationException("Database:Provider=Postgres needs ConnectionStrings:Tuoyu.");
            return new DatabaseSettings(DatabaseProvider.Postgres, cs, null, config.GetValue("Database:MigrateOnStartup", false));
        }

        if (!string.Equals(providerText, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Unknown Database:Provider '{providerText}' (Sqlite or Postgres).");
        }

        var path = config["Database:SqlitePath"] ?? Path.Combine("data", "tuoyu.db");
        if (!Path.IsPathRooted(path)) { path = Path.GetFullPath(Path.Combine(contentRoot, path)); }
        // Default Timeout doubles as the busy timeout: Microsoft.Data.Sqlite retries SQLITE_BUSY until it expires.
        var sqliteCs = $"Data Source={path};Cache=Private;Pooling=True;Default Timeout=30";
        return new DatabaseSettings(DatabaseProvider.Sqlite, sqliteCs, path, config.GetValue("Database:MigrateOnStartup", true));
    }
}
