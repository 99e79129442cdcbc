using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Modules.Identity.Domain;

// Indicator-table benchmark (bench/indicators/run.sh; issue #6: the full indicator table for any region of the province
// world in < 200 ms at the 95th percentile, live).
//   prepare <sqlite|postgres> <connection string> <regions.txt>   a province regulator account (benchprov, the demo
//                                                                  password) and the regions to ask for, by level
//   run <base url> <password> <regions.txt> <rounds> <year>        GET /api/v1/indicators/values for every region,
//                                                                  one at a time, rounds times after one warm-up round
return args switch
{
    ["prepare", var provider, var cs, var file] => await PrepareAsync(provider, cs, file),
    ["recreate", var adminCs, var database] => await RecreateAsync(adminCs, database),
    ["run", var url, var password, var file, var rounds, var year] => await RunAsync(url, password, file, int.Parse(rounds, CultureInfo.InvariantCulture), year),
    _ => Usage(),
};

// Drops and creates the benchmark's PostgreSQL database (the app's `migrate` command then creates the schema).
static async Task<int> RecreateAsync(string adminCs, string database)
{
    if (!System.Text.RegularExpressions.Regex.IsMatch(database, "^[a-z_][a-z0-9_]*$")) { throw new ArgumentException("database name: lower-case letters, digits, _"); }
    await using var connection = new Npgsql.NpgsqlConnection(adminCs);
    await connection.OpenAsync();
    foreach (var sql in new[] { $"DROP DATABASE IF EXISTS {database} WITH (FORCE)", $"CREATE DATABASE {database}" })
    {
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: IndicatorBench prepare <sqlite|postgres> <cs> <regions.txt> | run <url> <password> <regions.txt> <rounds> <year>");
    return 2;
}

static async Task<int> PrepareAsync(string provider, string cs, string file)
{
    await using AppDbContext db = provider switch
    {
        "sqlite" => new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(cs).Options),
        "postgres" => new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(cs).Options),
        _ => throw new ArgumentException("provider is sqlite or postgres", nameof(provider)),
    };
    var template = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == "changsha");
    await db.Users.Where(u => u.UserName == "benchprov").ExecuteDeleteAsync();
    db.Users.Add(new AppUser
    {
        Id = Guid.NewGuid(), UserName = "benchprov", NormalizedUserName = "BENCHPROV", DisplayName = "基准测试省级监管", Kind = template.Kind,
        RegionCode = "430000000000", PasswordHash = template.PasswordHash, SecurityStamp = Guid.NewGuid().ToString("N"),
        ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
    });
    await db.SaveChangesAsync();

    // Every city and county with institutions, and 20 streets (the busiest), plus the province itself.
    var streets = await db.Institutions.AsNoTracking().Where(i => i.RegionCode.StartsWith("43"))
        .GroupBy(i => i.RegionCode).Select(g => new { Code = g.Key, Count = g.Count() }).ToListAsync();
    var lines = new List<string> { "province 430000000000" };
    lines.AddRange(streets.Select(s => s.Code[..4]).Distinct().Order(StringComparer.Ordinal).Select(c => $"city {c}00000000"));
    lines.AddRange(streets.Select(s => s.Code[..6]).Distinct().Order(StringComparer.Ordinal).Select(c => $"county {c}000000"));
    lines.AddRange(streets.OrderByDescending(s => s.Count).ThenBy(s => s.Code, StringComparer.Ordinal).Take(20).Select(s => $"street {s.Code}"));
    await File.WriteAllLinesAsync(file, lines);
    Console.WriteLine($"benchprov (430000000000) ready; {lines.Count} regions -> {file}");
    return 0;
}

static async Task<int> RunAsync(string url, string password, string file, int rounds, string year)
{
    var regions = (await File.ReadAllLinesAsync(file)).Select(l => l.Split(' ')).Select(p => (Level: p[0], Code: p[1])).ToList();
    using var http = new HttpClient { BaseAddress = new Uri(url) };
    using (var signIn = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "benchprov", password }))
    {
        signIn.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await signIn.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("accessToken").GetString());
    }

    var times = regions.Select(r => r.Level).Distinct().ToDictionary(l => l, _ => new List<double>());
    var errors = 0;
    for (var round = 0; round <= rounds; round++)
    {
        foreach (var (level, code) in regions)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync($"/api/v1/indicators/values?region={code}&year={year}");
            var body = await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            if (!response.IsSuccessStatusCode) { errors++; Console.Error.WriteLine($"{code}: {(int)response.StatusCode}"); continue; }
            if (round > 0) { times[level].Add(watch.Elapsed.TotalMilliseconds); }
        }
    }

    foreach (var (level, list) in times.Append(new("all", times.Values.SelectMany(t => t).ToList())))
    {
        var sorted = list.Order().ToArray();
        if (sorted.Length == 0) { continue; }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{level,-8} n={sorted.Length,5}  median {At(sorted, 0.5),7:0.0} ms  p95 {At(sorted, 0.95),7:0.0} ms  p99 {At(sorted, 0.99),7:0.0} ms  max {sorted[^1],7:0.0} ms"));
    }

    Console.WriteLine($"errors: {errors}");
    return errors == 0 ? 0 : 1;
}

static double At(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
