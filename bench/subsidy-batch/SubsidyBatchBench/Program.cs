using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Closing;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Lookup;
using Tuoyu.Web.Modules.Subsidies.Batches;
using Tuoyu.Web.Modules.Subsidies.Domain;

// Subsidy-batch benchmark (bench/subsidy-batch/run.sh; ADR 0028; issue #5: 200,000 children in < 30 s and < 1 GB).
//   <sqlite|postgres> <connection string> [children=200000] [seed=2026]
// DROPS and recreates the database, applies the migrations, writes a province of institutions (普惠, filed, month
// closed) and one closed month of MonthlyAttendance for the children, then times the batch computation for the
// province (the same BatchComputation the endpoint runs) plus the bulk insert of its lines, and prints the process's
// peak working set. Figures are recorded by the merger on a quiet machine (docs/performance.md).
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: SubsidyBatchBench <sqlite|postgres> <connection string> [children] [seed]");
    return 2;
}

var children = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200_000;
var seed = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2026;
var month = new YearMonth(2026, 10);
const string Province = "430000000000";

var watch = Stopwatch.StartNew();
await using (var db = Create(args[0], args[1]))
{
    await db.Database.EnsureDeletedAsync();
    await db.Database.MigrateAsync();
    var world = World.Build(children, month, seed);
    await using (var tx = await db.Database.BeginTransactionAsync())
    {
        await BulkInsert.InsertAsync(db, world.Institutions);
        await BulkInsert.InsertAsync(db, world.Designations);
        await BulkInsert.InsertAsync(db, world.Closes);
        await BulkInsert.InsertAsync(db, world.Monthly);
        await tx.CommitAsync();
    }

    // A province-wide copy of the monthly rule, so every child of the province is computed (Changsha's rule covers 4301 only).
    var preloaded = PreloadedRules.Versions.Single(v => v.RuleId == PreloadedRules.MonthlyRuleId);
    var rule = new SubsidyRule { Id = Guid.NewGuid(), Code = "bench-province", Name = "基准全省入托补助", JurisdictionRegionCode = Province, Kind = SubsidyKind.MonthlyPerChild };
    db.SubsidyRules.Add(rule);
    db.SubsidyRuleVersions.Add(new SubsidyRuleVersion
    {
        Id = Guid.NewGuid(), RuleId = rule.Id, Number = 1, EffectiveFrom = preloaded.EffectiveFrom, EffectiveTo = preloaded.EffectiveTo,
        SourceDocument = "基准", SourceClause = "基准", InfantFen = preloaded.InfantFen, ToddlerFen = preloaded.ToddlerFen,
        PreschoolFen = preloaded.PreschoolFen, MixedFen = preloaded.MixedFen, RequiresInclusive = true, RequiresFiling = true,
        EligibleServices = preloaded.EligibleServices, ClassChange = preloaded.ClassChange, MinimumAttendedDays = preloaded.MinimumAttendedDays,
        StatusChange = preloaded.StatusChange, MovedChild = preloaded.MovedChild,
    });
    await db.SaveChangesAsync();
    await db.Database.ExecuteSqlRawAsync("ANALYZE");
    Console.WriteLine($"generated {world.Institutions.Count:N0} institutions, {world.Monthly.Count:N0} monthly rows for {children:N0} children in {watch.Elapsed.TotalSeconds:0.0} s");
}

GC.Collect();
await using (var db = Create(args[0], args[1]))
{
    watch.Restart();
    var computation = new BatchComputation(db, new InstitutionStatusHistoryQuery(db), new InstitutionDirectory(db), new MonthlyFigures(db));
    await computation.RequireClosedAsync(Province, month, CancellationToken.None);
    var id = Guid.CreateVersion7();
    var result = await computation.ComputeAsync(id, Province, month, CancellationToken.None);
    var computed = watch.Elapsed;
    await using (var tx = await db.Database.BeginTransactionAsync())
    {
        db.SubsidyBatches.Add(new SubsidyBatch
        {
            Id = id, RegionCode = Province, Month = month, Status = BatchStatus.Draft, OpenKey = SubsidyBatch.OpenKeyFor(Province, month),
            RuleVersionIds = result.RuleVersionIds, LineCount = result.Lines.Count, TotalFen = result.Lines.Sum(l => l.AmountFen),
            CreatedByUserId = Guid.Empty, CreatedByUserName = "bench", CreatedAt = DateTime.UtcNow, ComputedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        await BulkInsert.InsertAsync(db, result.Lines);
        await tx.CommitAsync();
    }

    Console.WriteLine($"batch: {result.Lines.Count:N0} lines, {result.Lines.Sum(l => l.AmountFen) / 100m:N2} 元; computed in {computed.TotalSeconds:0.00} s, " +
        $"with lines written {watch.Elapsed.TotalSeconds:0.00} s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB");
}

return 0;

static AppDbContext Create(string provider, string cs) => provider switch
{
    "sqlite" => new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(cs).Options),
    "postgres" => new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(cs).Options),
    _ => throw new ArgumentException("provider is sqlite or postgres", nameof(provider)),
};

/// <summary>
/// A province month: about 20 children per institution over 14 cities × 9 counties × 20 streets; 95% of institutions
/// 普惠 all month, 2% from the 16th (their children then need daily attendance, which is absent: they get nothing);
/// 8% of children changed class, 1% moved institution; ≈22 attended days of 31.
/// </summary>
internal sealed record World(List<Institution> Institutions, List<Designation> Designations, List<MonthClose> Closes, List<MonthlyAttendance> Monthly)
{
    public static World Build(int children, YearMonth month, int seed)
    {
        var rng = new Random(seed);
        var count = Math.Max(1, children / 20);
        var world = new World([], [], [], []);
        for (var n = 0; n < count; n++)
        {
            var street = string.Create(CultureInfo.InvariantCulture, $"43{n % 14 + 1:D2}{n / 14 % 9 + 1:D2}{n / 126 % 20 + 1:D3}000");
            var inst = new Institution
            {
                Id = Guid.NewGuid(), Name = "基准托育" + n, CreditCode = string.Create(CultureInfo.InvariantCulture, $"BENCH{n:D13}"), Kind = InstitutionKind.Standalone,
                Ownership = Ownership.Private, IsInclusive = true, RegionCode = street, Address = "基准路" + n, RegisteredSlots = 40,
                FilingStatus = FilingStatus.Filed, FiledOn = new DateOnly(2024, 1, 1), OpenedOn = new DateOnly(2023, 6, 1),
            };
            world.Institutions.Add(inst);
            var roll = rng.Next(100);
            if (roll < 97)
            {
                world.Designations.Add(new Designation
                {
                    Id = Guid.NewGuid(), InstitutionId = inst.Id, Kind = DesignationKind.Inclusive, Basis = "基准", GrantedOn = roll < 95 ? new DateOnly(2024, 6, 1) : month.FirstDay.AddDays(15),
                    GrantedByUserId = Guid.Empty, GrantedByUserName = "bench", GrantedByRegionCode = street[..6] + "000000", RecordedAt = DateTime.UtcNow,
                });
            }

            world.Closes.Add(new MonthClose { Id = Guid.NewGuid(), InstitutionId = inst.Id, Month = month, ClosedAt = DateTime.UtcNow, ClosedByUserId = Guid.Empty });
        }

        var types = new[] { ClassType.Infant, ClassType.Toddler, ClassType.Preschool, ClassType.Mixed };
        for (var c = 0; c < children; c++)
        {
            var child = Guid.NewGuid();
            var inst = world.Institutions[c % count].Id;
            var type = types[rng.Next(types.Length)];
            var change = rng.Next(100);
            if (change < 8)
            {
                var split = rng.Next(1, month.DaysInMonth);
                world.Monthly.Add(Row(child, inst, month, type, split, rng));
                world.Monthly.Add(Row(child, inst, month, types[(Array.IndexOf(types, type) + 1) % types.Length], month.DaysInMonth - split, rng));
            }
            else if (change < 9)
            {
                var split = rng.Next(1, month.DaysInMonth);
                world.Monthly.Add(Row(child, inst, month, type, split, rng));
                // moved to another institution (never the same one: that would be one row per type, not two)
                var other = count == 1 ? c % count : (c % count + 1 + rng.Next(count - 1)) % count;
                world.Monthly.Add(Row(child, world.Institutions[other].Id, month, type, month.DaysInMonth - split, rng));
            }
            else
            {
                world.Monthly.Add(Row(child, inst, month, type, month.DaysInMonth, rng));
            }
        }

        return world;
    }

    private static MonthlyAttendance Row(Guid child, Guid inst, YearMonth month, ClassType type, int enrolled, Random rng) => new()
    {
        Id = Guid.NewGuid(), InstitutionId = inst, ChildId = child, Month = month, ClassType = type, Service = CareServices.FullDay,
        EnrolledDays = enrolled, AttendedDays = Math.Min(enrolled, enrolled * 22 / 31 + rng.Next(0, 3)),
    };
}
