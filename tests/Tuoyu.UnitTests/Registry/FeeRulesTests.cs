using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.UnitTests.Registry;

public sealed class FeeRulesTests
{
    private const string Street = "430102001000";
    private static readonly DateOnly Day = new(2026, 6, 1);

    private static FeeGuideline G(string region, ClassType? type = null, CareServices service = CareServices.FullDay, long min = 100_000, long max = 200_000,
        DateOnly? from = null, DateOnly? to = null) => new()
    {
        Id = Guid.NewGuid(), RegionCode = region, ClassType = type, Service = service, MinMonthlyFen = min, MaxMonthlyFen = max,
        EffectiveFrom = from ?? new DateOnly(2026, 1, 1), EffectiveTo = to, Basis = "依据", SetByUserName = "x",
    };

    [Fact]
    public void FeeRules_pricing_follows_the_designations()
    {
        // Xinchang 2024 二(五)2: 公办 → 政府定价; national opinions 六: 民办普惠 → 政府指导价.
        Assert.Equal(FeePricing.GovernmentPriced, FeeRules.PricingOf(Ownership.Public, isInclusive: true));
        Assert.Equal(FeePricing.GovernmentPriced, FeeRules.PricingOf(Ownership.Public, isInclusive: false));
        Assert.Equal(FeePricing.GovernmentGuided, FeeRules.PricingOf(Ownership.Private, isInclusive: true));
        Assert.Equal(FeePricing.Market, FeeRules.PricingOf(Ownership.Private, isInclusive: false));
    }

    [Fact]
    public void FeeRules_the_deepest_region_wins_then_the_class_type_range()
    {
        var city = G("430100000000");
        var cityInfant = G("430100000000", ClassType.Infant);
        var county = G("430102000000");
        var all = new[] { city, cityInfant, county };
        // The county's all-types range beats the city's infant range: deepest region first.
        Assert.Same(county, FeeRules.Resolve(all, Street, ClassType.Infant, CareServices.FullDay, Day));
        Assert.Same(cityInfant, FeeRules.Resolve([city, cityInfant], Street, ClassType.Infant, CareServices.FullDay, Day));
        Assert.Same(city, FeeRules.Resolve([city, cityInfant], Street, ClassType.Toddler, CareServices.FullDay, Day));
        var street = G(Street, ClassType.Toddler);
        Assert.Same(street, FeeRules.Resolve([.. all, street], Street, ClassType.Toddler, CareServices.FullDay, Day));
    }

    [Fact]
    public void FeeRules_resolver_skips_other_regions_services_and_periods()
    {
        Assert.Null(FeeRules.Resolve([G("430104000000")], Street, ClassType.Toddler, CareServices.FullDay, Day));
        Assert.Null(FeeRules.Resolve([G("430200000000")], Street, ClassType.Toddler, CareServices.FullDay, Day));
        Assert.Null(FeeRules.Resolve([G("430100000000", service: CareServices.HalfDay)], Street, ClassType.Toddler, CareServices.FullDay, Day));
        Assert.Null(FeeRules.Resolve([G("430100000000", ClassType.Infant)], Street, ClassType.Toddler, CareServices.FullDay, Day));
        Assert.Null(FeeRules.Resolve([G("430100000000", from: Day.AddDays(1))], Street, ClassType.Toddler, CareServices.FullDay, Day));
        Assert.Null(FeeRules.Resolve([G("430100000000", to: Day.AddDays(-1))], Street, ClassType.Toddler, CareServices.FullDay, Day));
        // Both ends are inclusive.
        Assert.NotNull(FeeRules.Resolve([G("430100000000", from: Day, to: Day)], Street, ClassType.Toddler, CareServices.FullDay, Day));
        // A later range of the same region takes over from the day it starts.
        var old = G("430100000000", to: new DateOnly(2026, 6, 30));
        var next = G("430100000000", from: new DateOnly(2026, 7, 1));
        Assert.Same(old, FeeRules.Resolve([old, next], Street, ClassType.Toddler, CareServices.FullDay, new DateOnly(2026, 6, 30)));
        Assert.Same(next, FeeRules.Resolve([old, next], Street, ClassType.Toddler, CareServices.FullDay, new DateOnly(2026, 7, 1)));
    }

    [Fact]
    public void FeeRules_overlap_is_same_region_service_and_class_type_sharing_a_day()
    {
        var a = G("430100000000", from: new DateOnly(2026, 1, 1), to: new DateOnly(2026, 12, 31));
        Assert.True(FeeRules.Overlaps(a, G("430100000000", from: new DateOnly(2026, 12, 31))));
        Assert.True(FeeRules.Overlaps(G("430100000000"), G("430100000000", from: new DateOnly(2030, 1, 1))));
        Assert.False(FeeRules.Overlaps(a, G("430100000000", from: new DateOnly(2027, 1, 1))));
        Assert.False(FeeRules.Overlaps(a, G("430100000000", ClassType.Infant)));
        Assert.False(FeeRules.Overlaps(a, G("430102000000")));
        Assert.False(FeeRules.Overlaps(a, G("430100000000", service: CareServices.HalfDay)));
        Assert.False(FeeRules.Overlaps(a, a));
    }

    [Theory]
    [InlineData("FullDay", CareServices.FullDay)]
    [InlineData("halfday", CareServices.HalfDay)]
    [InlineData("Hourly", CareServices.Hourly)]
    [InlineData(" Temporary ", CareServices.Temporary)]
    public void FeeRules_parses_one_service(string text, CareServices expected)
    {
        Assert.True(CareServiceSet.TryParseSingle(text, out var s));
        Assert.Equal(expected, s);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("None")]
    [InlineData("3")]
    [InlineData("FullDay, HalfDay")]
    [InlineData("全日托")]
    public void FeeRules_refuses_anything_but_one_service(string? text) => Assert.False(CareServiceSet.TryParseSingle(text, out _));

    [Fact]
    public void FeeRules_single_service_and_split()
    {
        Assert.True(CareServiceSet.IsSingle(CareServices.Hourly));
        Assert.False(CareServiceSet.IsSingle(CareServices.FullDay | CareServices.HalfDay));
        Assert.False(CareServiceSet.IsSingle((CareServices)16));
        Assert.Equal([CareServices.FullDay, CareServices.Temporary], CareServiceSet.Split(CareServices.Temporary | CareServices.FullDay));
        Assert.Equal(["430000000000", "430100000000", "430102000000", "430102001000"], FeeRules.CoveringCodes(Street));
    }

    [Fact]
    public void FeeRules_sanity_cap_is_100000_yuan_a_month() => Assert.Equal(10_000_000L, FeeRules.MaxMonthlyFen);
}
