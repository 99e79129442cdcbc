using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Subsidies.Domain;
using static Tuoyu.Web.Modules.Subsidies.Domain.MonthlySubsidyCalculator;

namespace Tuoyu.UnitTests.Subsidies;

/// <summary>
/// 入托补助 (长政办发〔2025〕6号 二(二)6: 乳儿班 300、托小班 200、托大班 100 元/人/月, "根据普惠托育机构的实际入托人数") and the
/// settings ADR 0028 adds where the text is silent.
/// </summary>
public sealed class MonthlySubsidyCalculatorTests
{
    private static readonly YearMonth November = new(2026, 11); // 30 days
    private static readonly YearMonth October = new(2026, 10); // 31 days
    private static readonly Guid Child = Guid.NewGuid();
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();
    private static readonly Guid Outside = Guid.NewGuid();
    private const string Furong = "430102001000";

    private static RuleInForce Changsha(Func<SubsidyRuleVersion, SubsidyRuleVersion>? change = null)
    {
        var rule = PreloadedRules.Rules.Single(r => r.Id == PreloadedRules.MonthlyRuleId);
        var version = PreloadedRules.Versions.Single(v => v.RuleId == rule.Id);
        return new RuleInForce(rule, change is null ? version : change(version));
    }

    private static SubsidyRuleVersion With(SubsidyRuleVersion v, ClassChangeRule? classChange = null, int? minimumAttended = null,
        bool? prorate = null, StatusChangeRule? status = null, bool? inclusive = null, long? cap = null) => new()
    {
        Id = v.Id, RuleId = v.RuleId, Number = v.Number, EffectiveFrom = v.EffectiveFrom, EffectiveTo = v.EffectiveTo,
        SourceDocument = v.SourceDocument, SourceClause = v.SourceClause, InfantFen = v.InfantFen, ToddlerFen = v.ToddlerFen,
        PreschoolFen = v.PreschoolFen, MixedFen = v.MixedFen, CapFen = cap ?? v.CapFen, RequiresInclusive = inclusive ?? v.RequiresInclusive,
        RequiresFiling = v.RequiresFiling, EligibleServices = v.EligibleServices, ClassChange = classChange ?? v.ClassChange,
        MinimumAttendedDays = minimumAttended ?? v.MinimumAttendedDays, ProrateByEnrolledDays = prorate ?? v.ProrateByEnrolledDays,
        StatusChange = status ?? v.StatusChange, MovedChild = v.MovedChild,
    };

    private static Context Ctx(YearMonth month, uint? inclusiveA = null, uint? filedA = null, uint presentA = 0,
        DateOnly? startA = null, DateOnly? startB = null) => new()
    {
        Month = month,
        Institutions = new Dictionary<Guid, InstitutionMonth>
        {
            [A] = new(A, Furong, true, inclusiveA ?? DayMask.Full(month), filedA ?? DayMask.Full(month)),
            [B] = new(B, "430102002000", true, DayMask.Full(month), DayMask.Full(month)),
        },
        EnrollmentStart = (_, inst) => inst == A ? startA : inst == B ? startB : null,
        PresentMask = (_, inst) => inst == A ? presentA : 0,
    };

    private static Row R(Guid inst, ClassType type, int enrolled, int attended, CareServices service = CareServices.FullDay) =>
        new(Child, inst, type, service, enrolled, attended);

    private static SubsidyBatchLine? Pay(Context ctx, RuleInForce rule, params Row[] rows) => Line(rows, rule, ctx, Guid.NewGuid());

    [Fact]
    public void The_preloaded_amounts_are_those_of_the_2025_plan_in_fen_for_its_five_years()
    {
        // 长政办发〔2025〕6号 二(二)6 and 正文末 "自 2025 年 5 月 1 日起施行，有效期 5 年".
        var v = Changsha().Version;
        Assert.Equal((30_000L, 20_000L, 10_000L), (v.InfantFen!.Value, v.ToddlerFen!.Value, v.PreschoolFen!.Value));
        Assert.Equal(("长政办发〔2025〕6号", "二(二)6"), (v.SourceDocument, v.SourceClause));
        Assert.Equal((new DateOnly(2025, 5, 1), new DateOnly(2030, 4, 30)), (v.EffectiveFrom, v.EffectiveTo!.Value));
        Assert.True(v.RequiresInclusive);
    }

    [Theory]
    [InlineData(ClassType.Infant, 30_000)]
    [InlineData(ClassType.Toddler, 20_000)]
    [InlineData(ClassType.Preschool, 10_000)]
    public void A_whole_month_in_a_class_pays_that_class_types_amount(ClassType type, long fen)
    {
        // 长政办发〔2025〕6号 二(二)6.
        var line = Pay(Ctx(November), Changsha(), R(A, type, 30, 20));
        Assert.NotNull(line);
        Assert.Equal(fen, line.AmountFen);
        Assert.Equal(type, line.ClassType);
        Assert.Equal((30, 20, 30, 30, 30), (line.EnrolledDays, line.AttendedDays, line.InclusiveDays, line.FiledDays, line.EligibleDays));
    }

    [Fact]
    public void A_child_who_turns_12_months_mid_month_is_paid_by_its_class_not_its_age()
    {
        // 二(二)6 pays by 班 (乳儿班 300): the class type comes from the class the child was in; a birthday on the 15th
        // does not move it to 托小班 — only a class change (next test) does.
        var line = Pay(Ctx(November), Changsha(), R(A, ClassType.Infant, 30, 18));
        Assert.Equal(30_000, line!.AmountFen);
    }

    [Fact]
    public void A_child_who_turns_24_months_and_stays_in_its_toddler_class_keeps_the_toddler_amount()
    {
        var line = Pay(Ctx(November), Changsha(), R(A, ClassType.Toddler, 30, 18));
        Assert.Equal(20_000, line!.AmountFen);
    }

    [Fact]
    public void A_class_change_mid_month_pays_the_class_type_with_the_most_enrolled_days()
    {
        // ADR 0028 default ClassChangeRule.MostEnrolledDays; amounts 二(二)6.
        var line = Pay(Ctx(November), Changsha(), R(A, ClassType.Infant, 10, 8), R(A, ClassType.Toddler, 20, 15));
        Assert.Equal((ClassType.Toddler, 20_000L), (line!.ClassType, line.AmountFen));
        Assert.Equal((10, 20, 30, 23), (line.InfantDays, line.ToddlerDays, line.EnrolledDays, line.AttendedDays));
    }

    [Fact]
    public void A_class_change_with_equal_days_pays_the_higher_amount()
    {
        var line = Pay(Ctx(November), Changsha(), R(A, ClassType.Infant, 15, 10), R(A, ClassType.Toddler, 15, 10));
        Assert.Equal((ClassType.Infant, 30_000L), (line!.ClassType, line.AmountFen));
    }

    [Fact]
    public void The_highest_amount_setting_pays_the_best_class_type_of_the_month()
    {
        var rule = Changsha(v => With(v, classChange: ClassChangeRule.HighestAmount));
        var line = Pay(Ctx(November), rule, R(A, ClassType.Infant, 5, 5), R(A, ClassType.Toddler, 25, 20));
        Assert.Equal(30_000, line!.AmountFen);
    }

    [Fact]
    public void By_default_a_child_who_never_attended_is_not_actually_enrolled_and_gets_nothing()
    {
        // 二(二)6 "实际入托人数": at least one attended day (ADR 0028 MinimumAttendedDays = 1).
        Assert.Null(Pay(Ctx(November), Changsha(), R(A, ClassType.Toddler, 30, 0)));
        Assert.NotNull(Pay(Ctx(November), Changsha(), R(A, ClassType.Toddler, 30, 1)));
        Assert.NotNull(Pay(Ctx(November), Changsha(v => With(v, minimumAttended: 0)), R(A, ClassType.Toddler, 30, 0)));
    }

    [Fact]
    public void Without_proration_a_part_month_is_paid_in_full_and_with_it_by_enrolled_days_rounded_down()
    {
        // 二(二)6 names a monthly amount per child; ADR 0028: proration off by default.
        Assert.Equal(20_000, Pay(Ctx(November), Changsha(), R(A, ClassType.Toddler, 15, 10))!.AmountFen);
        var prorated = Changsha(v => With(v, prorate: true));
        Assert.Equal(10_000, Pay(Ctx(November), prorated, R(A, ClassType.Toddler, 15, 10))!.AmountFen);
        // 20,000 × 10 ÷ 31 = 6,451.6… fen → 6,451 (never rounded up).
        Assert.Equal(6_451, Pay(Ctx(October), prorated, R(A, ClassType.Toddler, 10, 10))!.AmountFen);
    }

    [Fact]
    public void An_institution_that_gains_inclusive_status_mid_month_pays_only_children_who_attended_on_an_inclusive_day()
    {
        // 二(二)6 "普惠托育机构": 普惠 from the 16th (ADR 0028 StatusChangeRule.AttendedOnEligibleDay).
        var from16 = DayMask.Between(November, new DateOnly(2026, 11, 16), null);
        var onlyBefore = Ctx(November, inclusiveA: from16, presentA: DayMask.Day(new DateOnly(2026, 11, 3)));
        Assert.Null(Pay(onlyBefore, Changsha(), R(A, ClassType.Toddler, 30, 1)));
        var after = Ctx(November, inclusiveA: from16, presentA: DayMask.Day(new DateOnly(2026, 11, 3)) | DayMask.Day(new DateOnly(2026, 11, 20)));
        var line = Pay(after, Changsha(), R(A, ClassType.Toddler, 30, 2));
        Assert.Equal((20_000L, 15, 15), (line!.AmountFen, line.InclusiveDays, line.EligibleDays));
    }

    [Fact]
    public void An_institution_that_loses_its_filing_mid_month_pays_children_who_attended_while_it_was_filed()
    {
        var until9 = DayMask.Between(November, November.FirstDay, new DateOnly(2026, 11, 9));
        var line = Pay(Ctx(November, filedA: until9, presentA: DayMask.Day(new DateOnly(2026, 11, 5))), Changsha(), R(A, ClassType.Preschool, 30, 12));
        Assert.Equal((10_000L, 9), (line!.AmountFen, line.FiledDays));
        Assert.Null(Pay(Ctx(November, filedA: until9, presentA: DayMask.Day(new DateOnly(2026, 11, 12))), Changsha(), R(A, ClassType.Preschool, 30, 12)));
    }

    [Fact]
    public void The_whole_month_setting_pays_nothing_for_a_month_with_a_status_change()
    {
        var from16 = DayMask.Between(November, new DateOnly(2026, 11, 16), null);
        var rule = Changsha(v => With(v, status: StatusChangeRule.WholeMonth));
        Assert.Null(Pay(Ctx(November, inclusiveA: from16, presentA: uint.MaxValue), rule, R(A, ClassType.Toddler, 30, 20)));
    }

    [Fact]
    public void An_institution_without_inclusive_status_gets_nothing_unless_the_rule_does_not_require_it()
    {
        Assert.Null(Pay(Ctx(November, inclusiveA: 0), Changsha(), R(A, ClassType.Toddler, 30, 20)));
        Assert.NotNull(Pay(Ctx(November, inclusiveA: 0), Changsha(v => With(v, inclusive: false)), R(A, ClassType.Toddler, 30, 20)));
    }

    [Fact]
    public void A_child_who_moved_institution_mid_month_is_paid_once_where_it_spent_the_most_days()
    {
        var lines = Compute([R(A, ClassType.Toddler, 10, 8), R(B, ClassType.Toddler, 20, 15)], [Changsha()], Ctx(November), Guid.NewGuid());
        var line = Assert.Single(lines);
        Assert.Equal((B, 2, 20), (line.InstitutionId, line.InstitutionCount, line.EnrolledDays));
    }

    [Fact]
    public void A_moved_child_with_equal_days_is_paid_by_the_earlier_enrollment()
    {
        var ctx = Ctx(November, startA: new DateOnly(2026, 3, 1), startB: new DateOnly(2026, 11, 16));
        Assert.Equal(A, Pay(ctx, Changsha(), R(A, ClassType.Toddler, 15, 8), R(B, ClassType.Toddler, 15, 15))!.InstitutionId);
        var later = Ctx(November, startA: new DateOnly(2026, 11, 16), startB: new DateOnly(2026, 3, 1));
        Assert.Equal(B, Pay(later, Changsha(), R(A, ClassType.Toddler, 15, 8), R(B, ClassType.Toddler, 15, 15))!.InstitutionId);
    }

    [Fact]
    public void A_child_who_spent_most_days_outside_the_batchs_region_is_left_to_that_regions_batch()
    {
        Assert.Null(Pay(Ctx(November), Changsha(), R(A, ClassType.Toddler, 10, 8), R(Outside, ClassType.Toddler, 20, 15)));
    }

    [Fact]
    public void Hourly_and_temporary_care_days_do_not_count_by_default()
    {
        Assert.Null(Pay(Ctx(November), Changsha(), R(A, ClassType.Toddler, 30, 20, CareServices.Hourly)));
        Assert.NotNull(Pay(Ctx(November), Changsha(), R(A, ClassType.Toddler, 30, 20, CareServices.HalfDay)));
    }

    [Fact]
    public void A_cap_limits_the_amount_of_a_line()
    {
        Assert.Equal(25_000, Pay(Ctx(November), Changsha(v => With(v, cap: 25_000)), R(A, ClassType.Infant, 30, 20))!.AmountFen);
    }

    [Fact]
    public void A_county_top_up_applies_only_below_its_county()
    {
        var topUp = new SubsidyRule { Id = Guid.NewGuid(), Code = "yuelu-top-up", Name = "岳麓区加发", JurisdictionRegionCode = "430104000000", Kind = SubsidyKind.MonthlyPerChild };
        var rule = new RuleInForce(topUp, Changsha().Version);
        Assert.Null(Pay(Ctx(November), rule, R(A, ClassType.Toddler, 30, 20)));
    }
}
