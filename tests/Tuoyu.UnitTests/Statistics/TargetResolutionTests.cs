using Tuoyu.Web.Modules.Statistics.Catalogue;
using Tuoyu.Web.Modules.Statistics.Contracts;
using Tuoyu.Web.Modules.Statistics.Domain;

namespace Tuoyu.UnitTests.Statistics;

public sealed class TargetResolutionTests
{
    private static IndicatorTarget T(string region, int year, decimal value, int? baselineYear = null, decimal? baseline = null) =>
        new() { RegionCode = region, IndicatorCode = "x", Year = year, Value = value, BaselineYear = baselineYear, BaselineValue = baseline, Source = "s" };

    [Fact]
    public void The_chain_runs_from_the_region_up_to_the_nation()
    {
        Assert.Equal(["430102001000", "430102000000", "430100000000", "430000000000", TargetResolution.NationCode], TargetResolution.Chain("430102001000"));
        Assert.Equal(["430100000000", "430000000000", TargetResolution.NationCode], TargetResolution.Chain("430100000000"));
    }

    [Fact]
    public void A_city_target_applies_to_a_district_without_its_own()
    {
        var resolved = TargetResolution.Resolve([T("430100000000", 2025, 4.5m, 2020, 1.9m), T(TargetResolution.NationCode, 2025, 4.5m)], "430102000000", 2025);
        Assert.Equal("430100000000", resolved!.Target.RegionCode);
        Assert.Equal(2020, resolved.BaselineYear);
    }

    [Fact]
    public void A_districts_own_target_wins_over_the_citys()
    {
        var resolved = TargetResolution.Resolve([T("430100000000", 2025, 4.5m), T("430102000000", 2025, 5m)], "430102000000", 2025);
        Assert.Equal(5m, resolved!.Target.Value);
    }

    [Fact]
    public void The_national_target_applies_where_no_region_has_one()
    {
        // 国家“十四五”规划纲要: 4.5 a thousand by 2025, seeded on the nation.
        var national = IndicatorCatalogue.Targets.Where(t => t.IndicatorCode == IndicatorCatalogue.SlotsPer1000Residents);
        var resolved = TargetResolution.Resolve(national, "440106000000", 2025);
        Assert.Equal(TargetResolution.NationCode, resolved!.Target.RegionCode);
        Assert.Equal(4.5m, resolved.Target.Value);
    }

    [Fact]
    public void A_year_between_targets_takes_the_next_one_with_the_previous_as_baseline()
    {
        // 新昌县 主要指标 1: 4.54 (2024) and 4.9 (2027): 2025 is judged against 2027 from the 2024 target.
        var xinchang = IndicatorCatalogue.Targets.Where(t => t.IndicatorCode == IndicatorCatalogue.SlotsPer1000Residents);
        var resolved = TargetResolution.Resolve(xinchang, "330624100000", 2025);
        Assert.Equal(2027, resolved!.Target.Year);
        Assert.Equal(4.9m, resolved.Target.Value);
        Assert.Equal(2024, resolved.BaselineYear);
        Assert.Equal(4.54m, resolved.BaselineValue);
    }

    [Fact]
    public void After_the_last_target_year_the_last_target_still_stands()
    {
        var resolved = TargetResolution.Resolve([T("430100000000", 2025, 60m, 2020, 6m)], "430100000000", 2026);
        Assert.Equal(2025, resolved!.Target.Year);
    }

    [Fact]
    public void No_target_anywhere_in_the_chain_is_none()
    {
        Assert.Null(TargetResolution.Resolve([T("430200000000", 2025, 4.5m)], "430102000000", 2025));
    }

    [Fact]
    public void Seeded_targets_name_their_source_and_point_at_catalogue_indicators()
    {
        var codes = IndicatorCatalogue.Definitions.Select(d => d.Code).ToHashSet();
        Assert.All(IndicatorCatalogue.Targets, t =>
        {
            Assert.Contains(t.IndicatorCode, codes);
            Assert.False(string.IsNullOrWhiteSpace(t.Source));
        });
        // 长政发〔2022〕10号 二（二）: the five Changsha 2025 targets of the childcare rows, each with its 2020 baseline.
        var changsha = IndicatorCatalogue.Targets.Where(t => t.RegionCode == "430100000000").ToList();
        Assert.Equal(5, changsha.Count);
        Assert.All(changsha, t => Assert.Equal(2020, t.BaselineYear));
        Assert.Contains(changsha, t => t.IndicatorCode == IndicatorCatalogue.FilingRate && t.Value == 60m && t.BaselineValue == 6m);
    }

    [Fact]
    public void Catalogue_measures_are_all_known()
    {
        Assert.All(IndicatorCatalogue.Definitions, d =>
        {
            Assert.True(Measures.IsKnown(d.Numerator), d.Code);
            Assert.True(d.Denominator is null || Measures.IsKnown(d.Denominator), d.Code);
            Assert.False(string.IsNullOrWhiteSpace(d.SeedClause));
        });
    }
}
