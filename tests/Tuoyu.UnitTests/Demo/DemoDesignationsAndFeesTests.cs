using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Modules.Demo;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.UnitTests.Demo;

public sealed class DemoDesignationsAndFeesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Region Furong = new() { Code = "430102000000", Name = "芙蓉区", Level = RegionLevel.County, ParentCode = "430100000000" };
    private static readonly Region Tianxin = new() { Code = "430103000000", Name = "天心区", Level = RegionLevel.County, ParentCode = "430100000000" };

    private static readonly Region[] Streets = [.. Enumerable.Range(1, 30).Select(n => new Region
    {
        Code = (n <= 15 ? "430102" : "430103") + (n % 15 + 1).ToString("D3", System.Globalization.CultureInfo.InvariantCulture) + "000",
        Name = $"街道{n}", Level = RegionLevel.Street, ParentCode = n <= 15 ? Furong.Code : Tianxin.Code,
    })];

    private static readonly Dictionary<string, DemoRegulator> Regulators = new()
    {
        ["changsha"] = new(Guid.NewGuid(), "changsha", "430100000000"),
        ["furong"] = new(Guid.NewGuid(), "furong", "430102000000"),
    };

    private static (DemoWorld World, DemoDesignationsAndFees Demo) Generate()
    {
        var world = DemoWorld.Generate(Streets, new Dictionary<string, Region> { [Furong.Code] = Furong, [Tianxin.Code] = Tianxin }, 20250501, Today);
        DemoDesignationsAndFees.FillServices(world);
        return (world, DemoDesignationsAndFees.Generate(world, Regulators, Today));
    }

    [Fact]
    public void Every_demo_institution_offers_the_services_its_children_are_enrolled_for()
    {
        var (world, _) = Generate();
        foreach (var e in world.Enrollments)
        {
            Assert.True(world.Institutions.Single(i => i.Id == e.InstitutionId).Services.HasFlag(e.Service));
        }

        Assert.DoesNotContain(world.Institutions, i => i.Services == CareServices.None);
    }

    [Fact]
    public void Demo_designations_match_each_institutions_current_state()
    {
        var (world, demo) = Generate();
        foreach (var i in world.Institutions)
        {
            var active = demo.Designations.Where(d => d.InstitutionId == i.Id && DesignationRules.IsActive(d, Today)).ToList();
            Assert.Equal(i.IsInclusive, active.Any(d => d.Kind == DesignationKind.Inclusive));
            Assert.Equal(i.Ownership == Ownership.Public, active.Any(d => d.Kind == DesignationKind.Public));
            Assert.Equal(i.Grade, active.SingleOrDefault(d => d.Kind == DesignationKind.Grade)?.Level);
            Assert.True(active.GroupBy(d => (d.Kind, d.Level)).All(g => g.Count() == 1), i.Name);
        }

        Assert.Contains(demo.Designations, d => d.WithdrawnOn is not null && d.Kind == DesignationKind.Inclusive);
        Assert.Contains(demo.Designations, d => d.WithdrawnOn is not null && d.Kind == DesignationKind.Grade);
    }

    [Fact]
    public void Demo_designations_are_granted_by_a_regulator_allowed_to_and_before_today()
    {
        var (world, demo) = Generate();
        var byId = world.Institutions.ToDictionary(i => i.Id);
        foreach (var d in demo.Designations)
        {
            var i = byId[d.InstitutionId];
            Assert.True(DesignationRules.MayManage(d.Kind, d.Level, d.GrantedByRegionCode, i.RegionCode), $"{d.Kind} {d.Level} by {d.GrantedByUserName}");
            Assert.True(d.GrantedOn <= Today.AddDays(-30));
            Assert.True(d.WithdrawnOn is null || (d.WithdrawnOn >= d.GrantedOn && d.WithdrawnOn <= Today));
            // Rows that need filing follow it, except the 普惠 rows the world gave unfiled institutions (ADR 0018).
            if (d.Kind is DesignationKind.Grade or DesignationKind.Demonstration) { Assert.True(i.FiledOn is { } f && f <= d.GrantedOn); }
            if (d.Kind == DesignationKind.Inclusive && i.FiledOn is null) { Assert.Contains("备案前", d.Basis, StringComparison.Ordinal); }
        }

        var cityTitles = demo.Designations.Where(d => d.Kind == DesignationKind.Demonstration && d.Level == DesignationRules.CityLevel).ToList();
        Assert.InRange(cityTitles.Count, 11, 30);
        Assert.Contains(demo.Designations, d => d.Kind == DesignationKind.Demonstration && d.Level == DesignationRules.CountyLevel);
    }

    [Fact]
    public void Demo_fees_cover_every_institution_and_inclusive_ones_lie_in_the_guideline()
    {
        var (world, demo) = Generate();
        Assert.Contains(demo.Guidelines, g => g.RegionCode == "430100000000" && g.Service == CareServices.FullDay && g.ClassType is null);
        Assert.All(world.Institutions, i => Assert.True(i.Services.HasFlag(CareServices.FullDay)));
        var types = world.Classes.GroupBy(c => c.InstitutionId).ToDictionary(g => g.Key, g => g.Select(c => c.Type).ToHashSet());
        foreach (var i in world.Institutions)
        {
            var fees = demo.Fees.Where(f => f.InstitutionId == i.Id).ToList();
            Assert.NotEmpty(fees);
            Assert.Equal(fees.Count, fees.Select(f => (f.ClassType, f.Service)).Distinct().Count());
            foreach (var f in fees)
            {
                Assert.Contains(f.ClassType, types[i.Id]);
                Assert.True(i.Services.HasFlag(f.Service));
                Assert.Equal(FeeRules.PricingOf(i.Ownership, i.IsInclusive), f.Pricing);
                if (i.IsInclusive && FeeRules.Resolve(demo.Guidelines, i.RegionCode, f.ClassType, f.Service, Today) is { } g)
                {
                    Assert.InRange(f.MonthlyFeeFen, g.MinMonthlyFen, g.MaxMonthlyFen);
                }
            }
        }
    }

    [Fact]
    public void Demo_designations_and_fees_are_deterministic()
    {
        var (_, a) = Generate();
        var (_, b) = Generate();
        Assert.Equal(a.Designations.Select(d => (d.Id, d.Kind, d.Level, d.GrantedOn, d.WithdrawnOn)), b.Designations.Select(d => (d.Id, d.Kind, d.Level, d.GrantedOn, d.WithdrawnOn)));
        Assert.Equal(a.Fees.Select(f => (f.Id, f.MonthlyFeeFen)), b.Fees.Select(f => (f.Id, f.MonthlyFeeFen)));
    }
}
