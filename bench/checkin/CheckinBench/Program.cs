using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Identity.Domain;

// Morning-peak check-in benchmark (bench/checkin/run.sh, docs/performance.md; issue #4).
//   prepare <sqlite|postgres> <connection string> <plan.json> [institutions=400]
//     On a seeded database: for up to N institutions with children in care today (China date), adds one staff account
//     each (bench0001…, the demo password's hash copied from carer0001) and writes the plan: account → children.
//   run <base url> <plan.json> <password> [clients=50] [warmup=2000] [measured=20000] [repeatPercent=5]
//     Signs every account in (POST /api/v1/auth/token), then CLIENTS concurrent loops POST /api/v1/attendance/check-ins,
//     each request a distinct child of the account's institution (~repeatPercent % are repeats of an earlier child:
//     idempotent, 200). WARMUP requests unmeasured, then MEASURED measured; prints throughput and latency.
//   fresh <sqlite|postgres> <connection string>
//     Drops the database and applies the migrations (run.sh, PostgreSQL: the app migrates only a new SQLite file itself).
//   floor <base url> [clients=50] [count=20000]
//     The same concurrent client loop on GET /health/live: what the client and Kestrel alone cost on this machine.
return args.FirstOrDefault() switch
{
    "prepare" when args.Length >= 4 => await Preparer.RunAsync(args[1], args[2], args[3], Arg(args, 4, 400)),
    "run" when args.Length >= 4 => await Runner.RunAsync(args[1], args[2], args[3], Arg(args, 4, 50), Arg(args, 5, 2000), Arg(args, 6, 20_000), Arg(args, 7, 5)),
    "fresh" when args.Length >= 3 => await Preparer.FreshAsync(args[1], args[2]),
    "floor" when args.Length >= 2 => await Runner.FloorAsync(args[1], Arg(args, 2, 50), Arg(args, 3, 20_000)),
    _ => Usage(),
};

static int Arg(string[] args, int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;

static int Usage()
{
    Console.Error.WriteLine("usage: CheckinBench prepare <sqlite|postgres> <connection string> <plan.json> [institutions]");
    Console.Error.WriteLine("       CheckinBench run <base url> <plan.json> <password> [clients] [warmup] [measured] [repeatPercent]");
    Console.Error.WriteLine("       CheckinBench floor <base url> [clients] [count]");
    return 2;
}

/// <summary>One benchmark account and the children in care at its institution today.</summary>
internal sealed record PlanAccount(string UserName, Guid InstitutionId, List<Guid> Children);

internal static class Preparer
{
    public static async Task<int> FreshAsync(string provider, string cs)
    {
        await using var db = Create(provider, cs);
        await db.Database.EnsureDeletedAsync();
        await db.Database.MigrateAsync();
        return 0;
    }

    private static AppDbContext Create(string provider, string cs) => provider switch
    {
        "sqlite" => new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(cs).Options),
        "postgres" => new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(cs).Options),
        _ => throw new ArgumentException("provider is sqlite or postgres", nameof(provider)),
    };

    public static async Task<int> RunAsync(string provider, string cs, string planPath, int institutions)
    {
        await using var db = Create(provider, cs);
        // The China date (UTC+8, no daylight saving), as the app's ChinaTime.Today computes it.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var paused = db.EnrollmentPauses.Where(p => p.From <= today && (p.To == null || p.To >= today)).Select(p => p.EnrollmentId);
        var inCare = await db.Enrollments.AsNoTracking()
            .Where(e => e.StartDate <= today && (e.EndDate == null || e.EndDate >= today) && !paused.Contains(e.Id))
            .Select(e => new { e.InstitutionId, e.ChildId })
            .ToListAsync();
        var total = inCare.Count;
        var chosen = inCare.GroupBy(e => e.InstitutionId)
            .OrderBy(g => g.Key)
            .Take(institutions)
            .Select((g, i) => new PlanAccount($"bench{i + 1:0000}", g.Key, g.Select(e => e.ChildId).Distinct().ToList()))
            .ToList();
        var template = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == "carer0001");
        await db.Users.Where(u => u.UserName!.StartsWith("bench")).ExecuteDeleteAsync();
        db.Users.AddRange(chosen.Select(a => new AppUser
        {
            Id = Guid.NewGuid(), UserName = a.UserName, NormalizedUserName = a.UserName.ToUpperInvariant(), DisplayName = "基准测试保育员 " + a.UserName,
            Kind = UserKind.InstitutionStaff, InstitutionId = a.InstitutionId, PasswordHash = template.PasswordHash,
            SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
        }));
        await db.SaveChangesAsync();
        await File.WriteAllTextAsync(planPath, JsonSerializer.Serialize(chosen));
        Console.WriteLine($"{today:yyyy-MM-dd} (China): {total:N0} children in care in {inCare.Select(e => e.InstitutionId).Distinct().Count():N0} institutions; " +
            $"plan: {chosen.Count:N0} accounts, {chosen.Sum(a => a.Children.Count):N0} children -> {planPath}");
        return 0;
    }
}

internal static class Runner
{
    private sealed record Item(int Account, Guid Child, bool Repeat);

    public static async Task<int> RunAsync(string baseUrl, string planPath, string password, int clients, int warmup, int measured, int repeatPercent)
    {
        var plan = JsonSerializer.Deserialize<List<PlanAccount>>(await File.ReadAllTextAsync(planPath))!;
        using var http = NewClient(baseUrl, clients);

        // Sign in (PBKDF2 on the server: a few at a time).
        var tokens = new string[plan.Count];
        var signIn = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, plan.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = plan[i].UserName, password }, ct);
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            tokens[i] = body.RootElement.GetProperty("accessToken").GetString()!;
        });
        Console.WriteLine($"signed in {plan.Count} accounts in {signIn.Elapsed.TotalSeconds:0.0} s");

        var items = Schedule(plan, repeatPercent, new Random(20261123));
        if (items.Count < warmup + measured)
        {
            Console.WriteLine($"only {items.Count:N0} check-ins available: measuring {Math.Max(0, items.Count - warmup):N0}");
            measured = Math.Max(0, items.Count - warmup);
        }

        var headers = tokens.Select(t => new AuthenticationHeaderValue("Bearer", t)).ToArray();
        var warm = await PhaseAsync(http, items[..warmup], headers, clients);
        var run = await PhaseAsync(http, items.GetRange(warmup, measured), headers, clients);
        Console.WriteLine($"warm-up: {Summary(warm)}");
        Console.WriteLine($"measured: {Summary(run)}");
        return run.Errors == 0 ? 0 : 1;
    }

    public static async Task<int> FloorAsync(string baseUrl, int clients, int count)
    {
        using var http = NewClient(baseUrl, clients);
        var latencies = new double[count];
        var next = -1;
        var errors = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var t0 = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync("/health/live");
                await response.Content.ReadAsByteArrayAsync();
                latencies[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                if (!response.IsSuccessStatusCode) { Interlocked.Increment(ref errors); }
            }
        }));
        var result = new PhaseResult(count, watch.Elapsed, latencies, errors, new Dictionary<int, int> { [200] = count - errors }, []);
        Console.WriteLine($"noise floor GET /health/live: {Summary(result)}");
        return 0;
    }

    private static HttpClient NewClient(string baseUrl, int clients) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = clients + 4,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
    })
    {
        BaseAddress = new Uri(baseUrl),
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>
    /// A morning: every child once, institutions interleaved (shuffled), and about <paramref name="repeatPercent"/> %
    /// repeats — a second tap for a child already checked in a little earlier (idempotent: 200, nothing changes).
    /// </summary>
    private static List<Item> Schedule(List<PlanAccount> plan, int repeatPercent, Random rng)
    {
        var firsts = plan.SelectMany((a, i) => a.Children.Select(c => new Item(i, c, Repeat: false))).ToList();
        rng.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(firsts));
        var items = new List<Item>(firsts.Count * (100 + repeatPercent) / 100);
        foreach (var first in firsts)
        {
            items.Add(first);
            // A repeat of a child checked in 200–2,000 requests ago (so the first has completed under 50 clients).
            if (items.Count > 2_000 && rng.Next(100) < repeatPercent)
            {
                var earlier = items[items.Count - 1 - rng.Next(200, 2_000)];
                items.Add(earlier with { Repeat = true });
            }
        }

        return items;
    }

    private sealed record PhaseResult(int Count, TimeSpan Elapsed, double[] Latencies, int Errors, Dictionary<int, int> Statuses, List<string> Samples);

    private static async Task<PhaseResult> PhaseAsync(HttpClient http, List<Item> items, AuthenticationHeaderValue[] headers, int clients)
    {
        var latencies = new double[items.Count];
        var statuses = new int[items.Count];
        var samples = new List<string>();
        var next = -1;
        var errors = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < items.Count)
            {
                var item = items[i];
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/attendance/check-ins")
                {
                    Content = JsonContent.Create(new { childId = item.Child, temperature = 36.6m, healthCheck = Array.Empty<string>() }),
                };
                request.Headers.Authorization = headers[item.Account];
                var t0 = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                latencies[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                statuses[i] = (int)response.StatusCode;
                var expected = item.Repeat ? HttpStatusCode.OK : HttpStatusCode.Created;
                if (response.StatusCode != expected && !(response.StatusCode == HttpStatusCode.OK && !item.Repeat && IsOwnRepeat(items, i)))
                {
                    Interlocked.Increment(ref errors);
                    lock (samples)
                    {
                        if (samples.Count < 5) { samples.Add($"{(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}"); }
                    }
                }
            }
        }));
        var elapsed = watch.Elapsed;
        return new PhaseResult(items.Count, elapsed, latencies, errors, statuses.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count()), samples);
    }

    /// <summary>A first check-in can come second when a repeat of it overtook it; then 200 is right too.</summary>
    private static bool IsOwnRepeat(List<Item> items, int i) => items.Skip(i + 1).Take(2_000).Any(x => x.Repeat && x.Child == items[i].Child);

    private static string Summary(PhaseResult r)
    {
        if (r.Count == 0) { return "nothing"; }
        var sorted = r.Latencies.Order().ToArray();
        var statuses = string.Join(", ", r.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"));
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{r.Count} requests in {r.Elapsed.TotalSeconds:0.00} s = {r.Count / r.Elapsed.TotalSeconds:0} /s; median {At(sorted, 0.50):0.00} ms, " +
            $"p95 {At(sorted, 0.95):0.00} ms, p99 {At(sorted, 0.99):0.00} ms, max {sorted[^1]:0.00} ms; statuses {statuses}; errors {r.Errors}");
        return r.Samples.Count == 0 ? text : text + Environment.NewLine + string.Join(Environment.NewLine, r.Samples.Select(s => "  e.g. " + s));
    }

    private static double At(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
