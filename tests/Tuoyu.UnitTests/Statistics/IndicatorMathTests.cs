using Tuoyu.Web.Modules.Statistics.Catalogue;
using Tuoyu.Web.Modules.Statistics.Domain;

namespace Tuoyu.UnitTests.Statistics;

public sealed class IndicatorMathTests
{
    private static IndicatorDefinition Def(string code) => IndicatorCatalogue.Definitions.Single(d => d.Code == code);

    private static decimal? ValueOf(string code, decimal? numerator, decimal? denominator)
    {
        var d = Def(code);
        return IndicatorMath.Value(numerator, d.Denominator is not null, denominator, d.Factor, d.Decimals);
    }

    [Fact]
    public void Enrollment_rate_of_Changsha_2021_is_4_90_percent()
    {
        // 长政发〔2022〕10号 一（二）3: 0～3岁婴幼儿 19.2 万人，入托婴幼儿 0.94 万人. 9,400 ÷ 192,000 = 4.8958…% → 4.90 % at two
        // decimals; the seed itself prints 4.89 %, a truncation, not a rounding.
        Assert.Equal(4.90m, ValueOf(IndicatorCatalogue.EnrollmentRate, 9_400, 192_000));
    }

    [Fact]
    public void Filing_rate_of_Changsha_2021_is_8_7_percent()
    {
        // domain.md (Changsha 2021: 44 of 504) for 长政发〔2022〕10号 二（二）具体指标表 2.3 托育机构登记备案率: 44 ÷ 504 = 8.730…% → 8.7 %.
        Assert.Equal(8.7m, ValueOf(IndicatorCatalogue.FilingRate, 44, 504));
    }

    [Fact]
    public void Slots_per_thousand_residents_is_slots_over_population_times_1000()
    {
        // 长政发〔2022〕10号 二（二）2.5 每千人口托位数: 4.5 a thousand for 12,000,000 residents is 54,000 slots.
        Assert.Equal(4.50m, ValueOf(IndicatorCatalogue.SlotsPer1000Residents, 54_000, 12_000_000));
        // 1,000 slots for 10,239,300 residents (长沙市 2021) = 0.09766… → 0.10.
        Assert.Equal(0.10m, ValueOf(IndicatorCatalogue.SlotsPer1000Residents, 1_000, 10_239_300));
    }

    [Fact]
    public void Slots_per_thousand_children_under_3_matches_Xinchangs_target_scale()
    {
        // 新昌县 实施方案 主要指标 2: 305 slots a thousand children under 3: 1,220 slots for 4,000 children.
        Assert.Equal(305.0m, ValueOf(IndicatorCatalogue.SlotsPer1000Under3, 1_220, 4_000));
    }

    [Theory]
    // 新昌县 实施方案 一、主要目标: 公办 50 %, 普惠 80 %, 2岁以下 8 % (2024).
    [InlineData(IndicatorCatalogue.PublicSlotShare, 500, 1_000, 50.0)]
    [InlineData(IndicatorCatalogue.InclusiveSlotShare, 800, 1_000, 80.0)]
    [InlineData(IndicatorCatalogue.Under2SlotShare, 1, 3, 33.3)]
    [InlineData(IndicatorCatalogue.SlotUsageRate, 2, 3, 66.7)]
    [InlineData(IndicatorCatalogue.CarerCertificationRate, 4, 5, 80.0)]
    [InlineData(IndicatorCatalogue.GradeCoverage, 7, 10, 70.0)]
    [InlineData(IndicatorCatalogue.MedicalAgreementRate, 10, 10, 100.0)]
    [InlineData(IndicatorCatalogue.VideoCoverage, 1, 8, 12.5)]
    public void Shares_are_numerator_over_denominator_in_percent_with_one_decimal(string code, int numerator, int denominator, double expected)
    {
        Assert.Equal((decimal)expected, ValueOf(code, numerator, denominator));
    }

    [Fact]
    public void Fee_share_of_income_annualises_the_monthly_fee()
    {
        // 新昌县 主要指标 7 (≤ 40 %): 2,000 元 a month × 12 ÷ 60,000 元 a year = 40.0 %.
        Assert.Equal(40.0m, ValueOf(IndicatorCatalogue.FeeIncomeRatio, 200_000, 6_000_000));
        Assert.True(Def(IndicatorCatalogue.FeeIncomeRatio).LowerIsBetter);
    }

    [Fact]
    public void A_count_has_no_denominator()
    {
        // 长政发〔2022〕10号 二（二）2.4 示范性婴幼儿照护服务机构数: a count.
        Assert.Equal(11m, ValueOf(IndicatorCatalogue.DemonstrationCount, 11, null));
    }

    [Theory]
    [InlineData(null, 1000.0)]
    [InlineData(10.0, null)]
    [InlineData(10.0, 0.0)]
    public void A_ratio_without_a_known_numerator_or_a_positive_denominator_has_no_value(double? numerator, double? denominator)
    {
        Assert.Null(IndicatorMath.Value((decimal?)numerator, true, (decimal?)denominator, 100, 1));
    }

    [Fact]
    public void Rounding_is_half_away_from_zero()
    {
        Assert.Equal(0.08m, IndicatorMath.Value(3, true, 4_000, 100, 2)); // 0.075
        Assert.Equal(0.13m, IndicatorMath.Value(1, true, 800, 100, 2)); // 0.125
    }

    // 长政发〔2022〕10号 二（二）2.5: 每千人口托位数 1.9 (2020) → 4.5 (2025); the line stands at 1.9 + 2.6 × 3/5 = 3.46 in 2023.
    [Theory]
    [InlineData(4.6, 2023, IndicatorMath.Met)]
    [InlineData(4.5, 2025, IndicatorMath.Met)]
    [InlineData(3.46, 2023, IndicatorMath.OnTrack)]
    [InlineData(3.45, 2023, IndicatorMath.Behind)]
    [InlineData(4.4, 2025, IndicatorMath.Behind)]
    [InlineData(4.4, 2026, IndicatorMath.Behind)]
    public void Status_follows_the_straight_line_from_the_baseline_to_the_target(double value, int year, string expected)
    {
        Assert.Equal(expected, IndicatorMath.Status((decimal)value, year, 4.5m, 2025, 2020, 1.9m, lowerIsBetter: false));
    }

    [Fact]
    public void Status_of_a_lower_is_better_indicator_is_met_at_or_below_the_target()
    {
        // 新昌县 主要指标 7: ≤ 40 %.
        Assert.Equal(IndicatorMath.Met, IndicatorMath.Status(39.9m, 2024, 40m, 2024, null, null, lowerIsBetter: true));
        Assert.Equal(IndicatorMath.Behind, IndicatorMath.Status(40.1m, 2024, 40m, 2024, null, null, lowerIsBetter: true));
    }

    [Fact]
    public void Status_is_unknown_without_a_value_or_before_the_target_year_without_a_baseline()
    {
        Assert.Null(IndicatorMath.Status(null, 2023, 4.5m, 2025, 2020, 1.9m, false));
        Assert.Null(IndicatorMath.Status(3m, 2023, 4.5m, 2025, null, null, false));
    }

    [Fact]
    public void Expected_value_is_the_baseline_before_the_baseline_year_and_the_target_after_the_target_year()
    {
        Assert.Equal(1.9m, IndicatorMath.Expected(2019, 4.5m, 2025, 2020, 1.9m));
        Assert.Equal(4.5m, IndicatorMath.Expected(2030, 4.5m, 2025, 2020, 1.9m));
        Assert.Equal(3.46m, IndicatorMath.Expected(2023, 4.5m, 2025, 2020, 1.9m));
    }
}
