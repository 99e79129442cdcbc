using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Demo;

/// <summary>A demo regulator account as the designation rows name it.</summary>
internal sealed record DemoRegulator(Guid Id, string UserName, string RegionCode);

/// <summary>
/// Demo services, designations (普惠 / 公办 / 等级 / 示范), fee guidelines and fees for the generated world (ADR 0018).
/// Runs after <see cref="DemoWorld"/> with a <see cref="Random"/> of its own (<see cref="Seed"/>), so the world's own
/// sequence — and every count other code relies on — stays as it was. Consistent with the world: every 普惠 institution
/// has an active 普惠 row, every 公办 one an active 公办 row, every graded one an active grade row of its grade; plus
/// demonstration titles, a few withdrawn rows and replaced grades as history. All amounts are demo values, not policy.
/// </summary>
internal sealed class DemoDesignationsAndFees
{
    public const int Seed = 20261123;

    /// <summary>Demo guidelines start with the Changsha 2025 plan (长政办发〔2025〕6号, in force from 2025-05-01).</summary>
    public static readonly DateOnly GuidelinesFrom = new(2025, 5, 1);

    private const string City = "430100000000";

    public List<FeeGuideline> Guidelines { get; } = [];
    public List<InstitutionFee> Fees { get; } = [];
    public List<Designation> Designations { get; } = [];

    private readonly Random _rng = new(Seed);

    private Guid NextGuid() => DemoGuids.Next(_rng);

    /// <summary>
    /// Before the world is stored: every institution offers the services its children are enrolled for (the master
    /// data's random set may miss 半日托 where a child is enrolled half-day); one left with none gets 全日托 and, at
    /// stations and community points, 计时托 and 临时托 (Zhuzhou 三(三)2, national 三 name these services).
    /// </summary>
    public static void FillServices(DemoWorld world)
    {
        var enrolledFor = world.Enrollments.GroupBy(e => e.InstitutionId)
            .ToDictionary(g => g.Key, g => g.Aggregate(CareServices.None, (s, e) => s | e.Service));
        foreach (var i in world.Institutions)
        {
            var s = i.Services | enrolledFor.GetValueOrDefault(i.Id);
            if (s == CareServices.None)
            {
                s = CareServices.FullDay;
                if (i.Kind is InstitutionKind.CareStation or InstitutionKind.CommunityEmbedded) { s |= CareServices.Hourly | CareServices.Temporary; }
            }

            i.Services = s;
        }
    }

    /// <summary>Generates everything for <paramref name="world"/>; <paramref name="regulators"/> are the demo accounts by user name.</summary>
    public static DemoDesignationsAndFees Generate(DemoWorld world, IReadOnlyDictionary<string, DemoRegulator> regulators, DateOnly today)
    {
        var demo = new DemoDesignationsAndFees();
        demo.Build(world, regulators, today);
        return demo;
    }

    /// <summary>Reads the demo regulator accounts, generates and bulk-inserts (the caller's audit summary covers the seed).</summary>
    public static async Task SeedAsync(AppDbContext db, DemoWorld world, DateOnly today, CancellationToken ct)
    {
        var regulators = await db.Users.AsNoTracking().Where(u => u.Kind == UserKind.Regulator && u.RegionCode != null)
            .Select(u => new DemoRegulator(u.Id, u.UserName!, u.RegionCode!)).ToListAsync(ct);
        var demo = Generate(world, regulators.ToDictionary(r => r.UserName), today);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await BulkInsert.InsertAsync(db, demo.Guidelines, ct);
        await BulkInsert.InsertAsync(db, demo.Fees, ct);
        await BulkInsert.InsertAsync(db, demo.Designations, ct);
        await tx.CommitAsync(ct);
    }

    private void Build(DemoWorld world, IReadOnlyDictionary<string, DemoRegulator> regulators, DateOnly today)
    {
        if (!regulators.TryGetValue("changsha", out var city)) { return; }
        AddGuidelines(city, today);
        var classTypes = world.Classes.GroupBy(c => c.InstitutionId).ToDictionary(g => g.Key, g => g.Select(c => c.Type).Distinct().Order().ToList());
        var latest = today.AddDays(-30);
        foreach (var i in world.Institutions)
        {
            AddFees(i, classTypes.GetValueOrDefault(i.Id) ?? [], today);
            // Only 长沙市 has demo regulators; elsewhere (province and national scales) no account could have granted anything.
            if (!i.RegionCode.StartsWith(City[..4], StringComparison.Ordinal)) { continue; }
            // The county grants in 芙蓉区 and 岳麓区 (the demo has their accounts); elsewhere the city does (county level or above).
            var county = i.RegionCode[..6] switch
            {
                "430102" when regulators.TryGetValue("furong", out var f) => f,
                "430104" when regulators.TryGetValue("yuelu", out var y) => y,
                _ => city,
            };
            var after = i.FiledOn ?? i.OpenedOn;
            if (i.Ownership == Ownership.Public)
            {
                Add(i, DesignationKind.Public, null, Clamp(i.OpenedOn.AddDays(-_rng.Next(30, 120)), latest), county, "演示数据：公办托育机构举办批复");
            }

            if (i.IsInclusive)
            {
                // The world makes some unfiled institutions 普惠 (ADR 0018): their rows are marked as recorded before filing was required.
                var basis = i.FiledOn is null ? "演示数据：存量普惠认定（备案前录入）" : "演示数据：普惠性托育机构认定";
                Add(i, DesignationKind.Inclusive, null, Clamp(after.AddDays(_rng.Next(20, 200)), latest), county, basis);
            }
            else if (i.FiledOn is not null && _rng.Next(100) < 8)
            {
                // History: a 普惠 recognition granted, then withdrawn.
                var granted = Clamp(after.AddDays(_rng.Next(20, 120)), latest.AddDays(-60));
                var d = Add(i, DesignationKind.Inclusive, null, granted, county, "演示数据：普惠性托育机构认定");
                Withdraw(d, Clamp(granted.AddDays(_rng.Next(60, 400)), latest), county, _rng.Next(2) == 0 ? "年度复核未通过" : "收费超出普惠指导价，经整改未达标");
            }

            if (i.Grade is { } grade && i.FiledOn is { } filed)
            {
                var on = Clamp(filed.AddDays(_rng.Next(60, 400)), latest);
                var rank = DesignationRules.GradeLevels.ToList().IndexOf(grade);
                if (rank >= 0 && rank < DesignationRules.GradeLevels.Count - 1 && _rng.Next(3) == 0 && on > filed.AddDays(60))
                {
                    // History: first rated one grade lower, re-rated since (the new grade replaced the old row).
                    var lower = DesignationRules.GradeLevels[rank + 1];
                    var first = Add(i, DesignationKind.Grade, lower, filed.AddDays(_rng.Next(1, (on.DayNumber - filed.DayNumber) / 2 + 1)), county, "演示数据：托育机构等级评定");
                    Withdraw(first, on, county, $"由新评定的{grade}替代");
                }

                Add(i, DesignationKind.Grade, grade, on, county, "演示数据：托育机构等级评定");
            }
        }

        AddDemonstrations(world, regulators, city, latest);
    }

    /// <summary>
    /// 示范性托育机构: Changsha named 11 in its first batch and aims at 30 (长政发〔2022〕10号 一(一) and indicator 2.4; domain.md) —
    /// the demo has 24 市级 titles (one since withdrawn) and three 区县级 titles in each district with a demo account.
    /// </summary>
    private void AddDemonstrations(DemoWorld world, IReadOnlyDictionary<string, DemoRegulator> regulators, DemoRegulator city, DateOnly latest)
    {
        var filed = world.Institutions.Where(i => i.FiledOn is not null && i.RegionCode.StartsWith(City[..4], StringComparison.Ordinal))
            .OrderBy(i => i.Grade is null ? 9 : DesignationRules.GradeLevels.ToList().IndexOf(i.Grade)).ThenBy(_ => _rng.Next()).ToList();
        var cityTitles = filed.Take(24).ToList();
        foreach (var (i, n) in cityTitles.Select((i, n) => (i, n)))
        {
            var d = Add(i, DesignationKind.Demonstration, DesignationRules.CityLevel, Clamp(i.FiledOn!.Value.AddDays(_rng.Next(90, 500)), latest), city,
                n < 11 ? "演示数据：长沙市第一批示范性托育机构" : "演示数据：长沙市第二批示范性托育机构");
            if (n == 3) { Withdraw(d, Clamp(d.GrantedOn.AddDays(_rng.Next(120, 365)), latest), city, "复评不合格，撤销示范称号"); }
        }

        foreach (var name in new[] { "furong", "yuelu" })
        {
            if (!regulators.TryGetValue(name, out var county)) { continue; }
            foreach (var i in filed.Skip(24).Where(i => i.RegionCode.StartsWith(county.RegionCode[..6], StringComparison.Ordinal)).Take(3))
            {
                Add(i, DesignationKind.Demonstration, DesignationRules.CountyLevel, Clamp(i.FiledOn!.Value.AddDays(_rng.Next(60, 400)), latest), county,
                    "演示数据：区级示范性托育机构");
            }
        }
    }

    private void AddGuidelines(DemoRegulator city, DateOnly today)
    {
        // Demo values, not policy: plausible 普惠 ranges for Changsha (元/月), city level, from the 2025 plan's start.
        FeeGuideline G(ClassType? type, CareServices service, long minYuan, long maxYuan) => new()
        {
            Id = NextGuid(), RegionCode = City, ClassType = type, Service = service, MinMonthlyFen = minYuan * 100, MaxMonthlyFen = maxYuan * 100,
            EffectiveFrom = GuidelinesFrom, Basis = "演示数据：长沙市普惠托育服务收费指导价（非真实政策）", SetByUserId = city.Id, SetByUserName = city.UserName,
            SetAt = today.AddDays(-200) < GuidelinesFrom ? GuidelinesFrom.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : today.AddDays(-200).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        };
        Guidelines.Add(G(null, CareServices.FullDay, 1200, 2600));
        Guidelines.Add(G(ClassType.Infant, CareServices.FullDay, 1500, 3000));
        Guidelines.Add(G(null, CareServices.HalfDay, 700, 1500));
    }

    private void AddFees(Institution i, List<ClassType> types, DateOnly today)
    {
        var pricing = FeeRules.PricingOf(i.Ownership, i.IsInclusive);
        var from = i.OpenedOn > GuidelinesFrom ? i.OpenedOn : GuidelinesFrom;
        if (from > today) { from = today; }
        var marketBase = 2000 + _rng.Next(26) * 100;
        foreach (var type in types)
        {
            foreach (var service in CareServiceSet.Split(i.Services & (CareServices.FullDay | CareServices.HalfDay)))
            {
                long yuan;
                if (i.IsInclusive && FeeRules.Resolve(Guidelines, i.RegionCode, type, service, today) is { } g)
                {
                    // Inside the range, on a 10-元 step; public (government-priced) ones in its lower half.
                    var (min, max) = (g.MinMonthlyFen / 100, g.MaxMonthlyFen / 100);
                    var top = i.Ownership == Ownership.Public ? (min + max) / 2 : max;
                    yuan = min + _rng.Next((int)((top - min) / 10) + 1) * 10;
                }
                else
                {
                    var full = marketBase + (type == ClassType.Infant ? 500 : 0);
                    yuan = service == CareServices.FullDay ? full : full * 6 / 10 / 10 * 10;
                }

                Fees.Add(new InstitutionFee
                {
                    Id = NextGuid(), InstitutionId = i.Id, ClassType = type, Service = service, MonthlyFeeFen = yuan * 100, Pricing = pricing,
                    EffectiveFrom = from, UpdatedAt = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                });
            }
        }
    }

    private Designation Add(Institution i, DesignationKind kind, string? level, DateOnly on, DemoRegulator by, string basis)
    {
        var d = new Designation
        {
            Id = NextGuid(), InstitutionId = i.Id, Kind = kind, Level = level, Basis = basis, GrantedOn = on,
            GrantedByUserId = by.Id, GrantedByUserName = by.UserName, GrantedByRegionCode = by.RegionCode,
            RecordedAt = on.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
        };
        Designations.Add(d);
        return d;
    }

    private static void Withdraw(Designation d, DateOnly on, DemoRegulator by, string reason)
    {
        d.WithdrawnOn = on < d.GrantedOn ? d.GrantedOn : on;
        d.WithdrawnByUserId = by.Id;
        d.WithdrawnByUserName = by.UserName;
        d.WithdrawReason = reason;
    }

    private static DateOnly Clamp(DateOnly day, DateOnly latest) => day > latest ? latest : day;
}
