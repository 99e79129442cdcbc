using Npgsql;

namespace Tuoyu.IntegrationTests.Infrastructure;

/// <summary>One running app over one database, shared by the tests of a provider.</summary>
public abstract class AppFixture : IAsyncLifetime
{
    private TuoyuFactory? _factory;
    protected string TempDir { get; } = Directory.CreateTempSubdirectory("tuoyu-it-").FullName;

    public TuoyuFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not available.");

    public abstract string ProviderName { get; }

    /// <summary>Skips (or, when the suite is required, fails) the calling test if this provider cannot run here.</summary>
    public virtual void RequireAvailable() { }

    protected abstract Task<Dictionary<string, string?>?> CreateDatabaseAsync();

    /// <summary>A fresh <see cref="TestWorld"/> in this fixture's database (skips or fails first when the provider cannot run).</summary>
    public async Task<TestWorld> NewWorldAsync()
    {
        RequireAvailable();
        return await TestWorld.CreateAsync(Factory);
    }

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    public virtual async ValueTask InitializeAsync()
    {
        var settings = await CreateDatabaseAsync();
        if (settings is null) { return; }
        settings["Seed"] = "none";
        settings["DataDirectory"] = Path.Combine(TempDir, "data");
        settings["Security:RequireTwoFactorForRegulators"] = "false";
        settings["Security:SignInRatePerMinute"] = "100000";
        _factory = new TuoyuFactory(settings);
        _ = _factory.Server; // start now: migrate and load regions once
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_factory is not null) { await _factory.DisposeAsync(); }
        await DropDatabaseAsync();
        GC.SuppressFinalize(this);
        try { Directory.Delete(TempDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

public sealed class SqliteFixture : AppFixture
{
    public override string ProviderName => "Sqlite";

    protected override Task<Dictionary<string, string?>?> CreateDatabaseAsync() =>
        Task.FromResult<Dictionary<string, string?>?>(new()
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:SqlitePath"] = Path.Combine(TempDir, "tuoyu.db"),
        });
}

/// <summary>
/// PostgreSQL runs when TUOYU_TEST_POSTGRES holds a server connection string; each fixture creates and
/// drops its own database. With TUOYU_REQUIRE_POSTGRES=1 (CI) a missing server fails instead of skipping.
/// </summary>
public sealed class PostgresFixture : AppFixture
{
    private string? _database;
    private string? _serverConnection;

    public override string ProviderName => "Postgres";

    public static string? ServerConnectionString => Environment.GetEnvironmentVariable("TUOYU_TEST_POSTGRES");

    public override void RequireAvailable()
    {
        if (ServerConnectionString is { Length: > 0 }) { return; }
        if (Environment.GetEnvironmentVariable("TUOYU_REQUIRE_POSTGRES") == "1")
        {
            Assert.Fail("TUOYU_REQUIRE_POSTGRES=1 but TUOYU_TEST_POSTGRES is not set.");
        }

        Assert.Skip("PostgreSQL tests need TUOYU_TEST_POSTGRES (see README).");
    }

    public static Task<Dictionary<string, string?>?> CreateDatabaseAsync(string prefix, Action<string, string> created) =>
        CreateAsync(prefix, created);

    private static async Task<Dictionary<string, string?>?> CreateAsync(string prefix, Action<string, string> created)
    {
        if (ServerConnectionString is not { Length: > 0 } server) { return null; }
        var name = $"{prefix}_{Guid.NewGuid():N}"[..40];
        await using (var conn = new NpgsqlConnection(server))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        created(server, name);
        return new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Tuoyu"] = builder.ConnectionString,
            ["Database:MigrateOnStartup"] = "true",
        };
    }

    protected override Task<Dictionary<string, string?>?> CreateDatabaseAsync() =>
        CreateAsync("tuoyu_it", (server, name) => { _serverConnection = server; _database = name; });

    protected override Task DropDatabaseAsync() => DropAsync(_serverConnection, _database);

    public static async Task DropAsync(string? server, string? database)
    {
        if (server is null || database is null) { return; }
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(server);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
