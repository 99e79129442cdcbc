using System.Diagnostics;
using Npgsql;
using Tuoyu.IntegrationTests.Infrastructure;

namespace Tuoyu.IntegrationTests.Platform;

/// <summary>`dotnet run --project src/Tuoyu.Web -- migrate` migrates PostgreSQL and exits.</summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public async Task The_migrate_command_brings_an_empty_postgres_database_up_to_date_and_exits()
    {
        new PostgresFixture().RequireAvailable();
        string? server = null, database = null;
        var settings = (await PostgresFixture.CreateDatabaseAsync("tuoyu_migrate", (s, d) => { server = s; database = d; }))!;
        try
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "Tuoyu.Web.dll");
            var dataDir = Directory.CreateTempSubdirectory("tuoyu-migrate-").FullName;
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
            foreach (var arg in new[] { dll, "migrate", "--Database:Provider=Postgres", $"--ConnectionStrings:Tuoyu={settings["ConnectionStrings:Tuoyu"]}", $"--DataDirectory={dataDir}" })
            {
                psi.ArgumentList.Add(arg);
            }

            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(cts.Token);
            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await stdout} {await stderr}");

            await using var conn = new NpgsqlConnection(settings["ConnectionStrings:Tuoyu"]);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT count(*) FROM \"__EFMigrationsHistory\"", conn);
            Assert.True((long)(await cmd.ExecuteScalarAsync())! >= 1);
            await using var regions = new NpgsqlCommand("SELECT count(*) FROM regions", conn);
            Assert.Equal(44_699L, (long)(await regions.ExecuteScalarAsync())!);
        }
        finally
        {
            await PostgresFixture.DropAsync(server, database);
        }
    }
}
