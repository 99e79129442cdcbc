using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Registry.Domain;

// Public-search benchmark (bench/public-search/run.sh; ADR 0020, docs/performance.md).
//   generate <sqlite|postgres> <connection string> <regions.csv> <queries.jsonl> [institutions=100000] [seed=2026]
//     DROPS and recreates the database, applies the migrations, writes a national register and a query file.
//   run <base url> <queries.jsonl> [warmup=200] [measured=2000]
//     GETs /api/v1/public/institutions for each query (cycling), prints median and p95 of the measured ones.
return args.FirstOrDefault() switch
{
    "generate" when args.Length >= 5 => await Generator.RunAsync(args[1], args[2], args[3], args[4],
        args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 100_000, args.Length > 6 ? int.Parse(args[6], CultureInfo.InvariantCulture) : 2026),
    "run" when args.Length >= 3 => await Runner.RunAsync(args[1], args[2],
        args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200, args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 2000),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: PublicSearchBench generate <sqlite|postgres> <connection string> <regions.csv> <queries.jsonl> [institutions] [seed]");
    Console.Error.WriteLine("       PublicSearchBench run <base url> <queries.jsonl> [warmup] [measured]");
    return 2;
}

/// <summary>One benchmark query: region (a county), baby's age, vacancy, a point and radius.</summary>
internal sealed record BenchQuery(string Region, int AgeMonths, double Lat, double Lng, double RadiusKm)
{
    public string Path => string.Create(CultureInfo.InvariantCulture,
        $"/api/v1/public/institutions?region={Region}&ageMonths={AgeMonths}&hasVacancy=true&lat={Lat:0.######}&lng={Lng:0.######}&radiusKm={RadiusKm}&page=1&pageSize=20");
}

internal static class Generator
{
    public static async Task<int> RunAsync(string provider, string connectionString, string regionsCsv, string queriesPath, int count, int seed)
    {
        var watch = Stopwatch.StartNew();
        await using var db = Create(provider, connectionString);
        await db.Database.EnsureDeletedAsync();
        await db.Database.MigrateAsync();
        Console.WriteLine($"migrated in {watch.Elapsed.TotalSeconds:0.0} s");

        var world = World.Build(File.ReadLines(regionsCsv).Skip(1), count, seed);
        Console.WriteLine($"generated {world.Institutions.Count:N0} institutions ({world.Institutions.Count(i => i.FilingStatus == FilingStatus.Filed):N0} filed), " +
            $"{world.Classes.Count:N0} classes, {world.Enrollments.Count:N0} enrollments, {world.Fees.Count:N0} fees over {world.StreetCount:N0} streets " +
            $"in {world.CountyCount:N0} counties ({watch.Elapsed.TotalSeconds:0.0} s)");
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await BulkInsert.InsertAsync(db, world.Institutions);
            await BulkInsert.InsertAsync(db, world.Classes);
            await BulkInsert.InsertAsync(db, world.Enrollments);
            await BulkInsert.InsertAsync(db, world.Fees);
            await tx.CommitAsync();
        }

        // Fresh statistics for the planner (both engines), as a maintained production database has.
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        Console.WriteLine($"inserted in {watch.Elapsed.TotalSeconds:0.0} s");

        var rng = new Random(seed + 1);
        var filed = world.Institutions.Where(i => i.FilingStatus == FilingStatus.Filed).ToList();
        await using var output = File.CreateText(queriesPath);
        for (var k = 0; k < 5_000; k++)
        {
            // Around a filed institution (where people live), a little off it; the county it is in; an age; 1–10 km.
            var at = filed[rng.Next(filed.Count)];
            var q = new BenchQuery(at.RegionCode[..6] + "000000", rng.Next(6, 37), Math.Round(at.Latitude!.Value + (rng.NextDouble() - 0.5) * 0.02, 6),
                Math.Round(at.Longitude!.Value + (rng.NextDouble() - 0.5) * 0.02, 6), new[] { 1, 3, 5, 5, 5, 10 }[rng.Next(6)]);
            await output.WriteLineAsync(JsonSerializer.Serialize(q));
        }

        Console.WriteLine($"wrote 5,000 queries to {queriesPath}; total {watch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    private static AppDbContext Create(string provider, string cs) => provider switch
    {
        "sqlite" => new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(cs).Options),
        "postgres" => new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(cs).Options),
        _ => throw new ArgumentException("provider is sqlite or postgres", nameof(provider)),
    };
}

/// <summary>
/// A national register: institutions spread over every county in proportion to its streets, denser in towns
/// (coordinates: a synthetic centre per city, counties within ±0.4°, streets within ±0.06°, institutions within ±0.01° —
/// the regions table has no coordinates; the density per street is what a distance query meets). Proportions follow the
/// demo city (DemoWorld): kinds, 65–90% filed, 1–5 classes, 30–64% occupancy, one or two 全日托 fees.
/// </summary>
internal sealed class World
{
    public List<Institution> Institutions { get; } = [];
    public List<ChildcareClass> Classes { get; } = [];
    public List<ChildEnrollment> Enrollments { get; } = [];
    public List<InstitutionFee> Fees { get; } = [];
    public int StreetCount { get; private set; }
    public int CountyCount { get; private set; }

    public static World Build(IEnumerable<string> csvLines, int count, int seed)
    {
        var rng = new Random(seed);
        var streets = csvLines.Select(l => l.Split(',')).Where(f => f.Length >= 3 && f[2] == "4").Select(f => f[0]).ToList();
        var world = new World { StreetCount = streets.Count, CountyCount = streets.Select(s => s[..6]).Distinct().Count() };
        var cityCentre = new Dictionary<string, (double, double)>();
        var countyCentre = new Dictionary<string, (double, double)>();
        var streetCentre = new Dictionary<string, (double, double)>();
        (double, double) Centre(Dictionary<string, (double, double)> map, string key, Func<(double, double)> make) =>
            map.TryGetValue(key, out var c) ? c : map[key] = make();
        var today = new DateOnly(2026, 11, 23);
        var types = new[] { ClassType.Infant, ClassType.Toddler, ClassType.Preschool, ClassType.Mixed };
        for (var n = 0; n < count; n++)
        {
            var street = streets[rng.Next(streets.Count)];
            var city = Centre(cityCentre, street[..4], () => (22 + rng.NextDouble() * 20, 102 + rng.NextDouble() * 20));
            var county = Centre(countyCentre, street[..6], () => (city.Item1 + (rng.NextDouble() - 0.5) * 0.8, city.Item2 + (rng.NextDouble() - 0.5) * 0.8));
            var point = Centre(streetCentre, street, () => (county.Item1 + (rng.NextDouble() - 0.5) * 0.12, county.Item2 + (rng.NextDouble() - 0.5) * 0.12));
            var kind = rng.Next(100) switch
            {
                < 5 => InstitutionKind.ServiceCenter, < 40 => InstitutionKind.Standalone, < 55 => InstitutionKind.CommunityEmbedded,
                < 75 => InstitutionKind.KindergartenClass, < 80 => InstitutionKind.EmployerRun, < 92 => InstitutionKind.FamilyPoint, _ => InstitutionKind.CareStation,
            };
            var isPublic = kind == InstitutionKind.ServiceCenter || rng.Next(100) < 20;
            var filed = rng.Next(100) < (isPublic ? 90 : 65);
            var id = Guid.NewGuid();
            var slots = 0;
            var feeTypes = new HashSet<ClassType>();
            var classCount = kind is InstitutionKind.FamilyPoint or InstitutionKind.CareStation ? 1 : 1 + rng.Next(4);
            for (var c = 0; c < classCount; c++)
            {
                var type = kind is InstitutionKind.FamilyPoint or InstitutionKind.CareStation ? ClassType.Mixed : types[rng.Next(3)];
                var capacity = kind == InstitutionKind.FamilyPoint ? 6 + rng.Next(5) : (type switch { ClassType.Infant => 10, ClassType.Toddler => 15, _ => 20 }) - rng.Next(3);
                var cls = new ChildcareClass { Id = Guid.NewGuid(), InstitutionId = id, Name = "班" + c.ToString(CultureInfo.InvariantCulture), Type = type, Capacity = capacity };
                world.Classes.Add(cls);
                slots += capacity;
                var enrolled = (int)Math.Round(capacity * (0.30 + rng.NextDouble() * 0.34));
                // Some full classes, so the vacancy filter has something to drop.
                if (rng.Next(10) == 0) { enrolled = capacity; }
                for (var e = 0; e < enrolled; e++)
                {
                    world.Enrollments.Add(new ChildEnrollment
                    {
                        Id = Guid.NewGuid(), ChildId = Guid.NewGuid(), InstitutionId = id, ClassId = cls.Id, Service = CareServices.FullDay,
                        StartDate = today.AddDays(-rng.Next(700)), EndDate = rng.Next(8) == 0 ? today.AddDays(-rng.Next(1, 300)) : null,
                    });
                }

                if (c < 2 && feeTypes.Add(type))
                {
                    world.Fees.Add(new InstitutionFee
                    {
                        Id = Guid.NewGuid(), InstitutionId = id, ClassType = type, Service = CareServices.FullDay, MonthlyFeeFen = (800 + rng.Next(40) * 100) * 100L,
                        Pricing = isPublic ? FeePricing.GovernmentPriced : FeePricing.Market, EffectiveFrom = new DateOnly(2026, 1, 1), UpdatedAt = DateTime.UnixEpoch,
                    });
                }
            }

            world.Institutions.Add(new Institution
            {
                Id = id, Name = "基准托育机构" + n.ToString("D6", CultureInfo.InvariantCulture), CreditCode = "BENCH" + n.ToString("D13", CultureInfo.InvariantCulture),
                Kind = kind, Ownership = isPublic ? Ownership.Public : Ownership.Private, IsInclusive = isPublic || rng.Next(100) < 55,
                RegionCode = street, Address = "基准路" + n.ToString(CultureInfo.InvariantCulture) + "号", ContactPhone = "0731-80000000",
                Latitude = Math.Round(point.Item1 + (rng.NextDouble() - 0.5) * 0.02, 6), Longitude = Math.Round(point.Item2 + (rng.NextDouble() - 0.5) * 0.02, 6),
                RegisteredSlots = slots, FilingStatus = filed ? FilingStatus.Filed : (rng.Next(3) == 0 ? FilingStatus.Submitted : FilingStatus.NotFiled),
                FiledOn = filed ? today.AddDays(-rng.Next(1000)) : null, OpenedOn = today.AddDays(-rng.Next(2000) - 100), Services = CareServices.FullDay,
                Grade = filed && rng.Next(100) < 45 ? "二级" : null, HasVideoSupervision = rng.Next(100) < 70,
            });
        }

        return world;
    }
}

internal static class Runner
{
    public static async Task<int> RunAsync(string baseUrl, string queriesPath, int warmup, int measured)
    {
        var queries = File.ReadLines(queriesPath).Select(l => JsonSerializer.Deserialize<BenchQuery>(l)!).ToList();
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var times = new List<double>(measured);
        var found = 0L;
        var empty = 0;
        for (var k = 0; k < warmup + measured; k++)
        {
            var q = queries[k % queries.Count];
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(q.Path);
            var body = await response.Content.ReadAsStringAsync();
            watch.Stop();
            if (!response.IsSuccessStatusCode) { Console.Error.WriteLine($"{(int)response.StatusCode} for {q.Path}: {body}"); return 1; }
            if (k < warmup) { continue; }
            times.Add(watch.Elapsed.TotalMilliseconds);
            var total = JsonDocument.Parse(body).RootElement.GetProperty("total").GetInt32();
            found += total;
            if (total == 0) { empty++; }
        }

        // The noise floor of this machine right now: the same loop on GET /health/live (no database, no JSON body).
        var floor = new List<double>(500);
        for (var k = 0; k < 500; k++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync("/health/live");
            await response.Content.ReadAsStringAsync();
            floor.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        floor.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"queries {times.Count} (after {warmup} warm-up), median {At(times, 0.5):0.00} ms, p95 {At(times, 0.95):0.00} ms, p99 {At(times, 0.99):0.00} ms, " +
            $"max {times[^1]:0.00} ms; mean total {found / (double)times.Count:0.0}, empty {empty}; " +
            $"noise floor /health/live x500: median {At(floor, 0.5):0.00} ms, p95 {At(floor, 0.95):0.00} ms"));
        return 0;
    }

    private static double At(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
