using Tuoyu.Web.Modules.Statistics.Contracts;
using Tuoyu.Web.Modules.Statistics.Domain;

namespace Tuoyu.Web.Modules.Statistics.Catalogue;

/// <summary>
/// The built-in indicators of domain.md's table that the register can support, and the seeds' targets, as model data
/// (seeded by the migration, idempotent by key). Indicators whose data does not exist yet (screening, 15-minute circle …)
/// are listed in ADR 0029 and stay out.
/// </summary>
public static class IndicatorCatalogue
{
    public const string SlotsPer1000Residents = "slots_per_1000_residents";
    public const string SlotsPer1000Under3 = "slots_per_1000_under3";
    public const string PublicSlotShare = "public_slot_share";
    public const string InclusiveSlotShare = "inclusive_slot_share";
    public const string Under2SlotShare = "under2_slot_share";
    public const string EnrollmentRate = "enrollment_rate";
    public const string SlotUsageRate = "slot_usage_rate";
    public const string CarerCertificationRate = "carer_certification_rate";
    public const string FilingRate = "filing_rate";
    public const string GradeCoverage = "grade_coverage";
    public const string MedicalAgreementRate = "medical_agreement_rate";
    public const string VideoCoverage = "video_coverage";
    public const string FeeIncomeRatio = "fee_income_ratio";
    public const string DemonstrationCount = "demonstration_institutions";

    private const string Xinchang = "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿）";
    private const string ChangshaPlan = "长政发〔2022〕10号《长沙市“一老一小”整体解决方案》";
    private const string Zhuzhou = "株政办发〔2022〕23号";

    public static IReadOnlyList<IndicatorDefinition> Definitions { get; } =
    [
        Def(1, SlotsPer1000Residents, "每千人口托位数", Measures.Slots, Measures.ResidentPopulation, 1000, "个", 2,
            "托位数 ÷ 常住人口 × 1000；托位为当日已开办机构的登记托位。",
            $"{ChangshaPlan} 二（二）具体指标表 2.5；{Zhuzhou} 二、发展目标；{Xinchang} 主要指标 1"),
        Def(2, SlotsPer1000Under3, "每千名3岁以下婴幼儿托位数", Measures.Slots, Measures.ChildrenUnder3, 1000, "个", 1,
            "托位数 ÷ 3岁以下婴幼儿数 × 1000。", $"{Xinchang} 主要指标 2"),
        Def(3, PublicSlotShare, "公办托位占比", Measures.PublicSlots, Measures.Slots, 100, "%", 1,
            "公办（含公建民营，不含幼儿园托班）托位 ÷ 托位数 × 100%。", $"{Xinchang} 一、主要目标及主要指标 3"),
        Def(4, InclusiveSlotShare, "普惠托位占比", Measures.InclusiveSlots, Measures.Slots, 100, "%", 1,
            "当日持有普惠认定的机构的托位 ÷ 托位数 × 100%。", $"{ChangshaPlan} 二（二）具体指标表 2.6；{Xinchang} 主要指标 4"),
        Def(5, Under2SlotShare, "2岁以下婴幼儿托位占比", Measures.Under2Slots, Measures.Slots, 100, "%", 1,
            "乳儿班与托小班的班额 ÷ 托位数 × 100%（班级按当前设置计）。", $"{Xinchang} 主要指标 5、二（四）1"),
        Def(6, EnrollmentRate, "3岁以下婴幼儿入托率", Measures.EnrolledChildren, Measures.ChildrenUnder3, 100, "%", 2,
            "当日在托婴幼儿 ÷ 3岁以下婴幼儿数 × 100%（暂停入托的仍计在托）。",
            $"{ChangshaPlan} 一（二）3（2021年入托 0.94 万人 ÷ 19.2 万人）；{Xinchang} 主要指标 8"),
        Def(7, SlotUsageRate, "托位使用率", Measures.EnrolledChildren, Measures.Slots, 100, "%", 1,
            "当日在托婴幼儿 ÷ 托位数 × 100%。", $"{Xinchang} 主要指标 9"),
        Def(8, CarerCertificationRate, "从业人员持证率", Measures.CertifiedCarers, Measures.Carers, 100, "%", 1,
            "当日在职、证书在有效期内的保育人员 ÷ 当日在职保育人员（保育师、育婴员）× 100%。",
            $"{ChangshaPlan} 二（二）具体指标表 2.9；{Zhuzhou} 三（四）1；{Xinchang} 主要指标 13"),
        Def(9, FilingRate, "托育机构登记备案率", Measures.FiledInstitutions, Measures.Institutions, 100, "%", 1,
            "当日已备案机构 ÷ 当日已开办的托育机构 × 100%。", $"{ChangshaPlan} 二（二）具体指标表 2.3、三（十一）1"),
        Def(10, GradeCoverage, "托育机构等级覆盖率", Measures.GradedInstitutions, Measures.Institutions, 100, "%", 1,
            "当日持有等级评定的机构 ÷ 托育机构 × 100%。", $"{Xinchang} 主要指标 14、二（五）3"),
        Def(11, MedicalAgreementRate, "医疗机构签约指导率", Measures.InstitutionsWithMedicalAgreement, Measures.Institutions, 100, "%", 1,
            "当日有有效医育结合签约的机构 ÷ 托育机构 × 100%。", $"{Xinchang} 主要指标 10"),
        Def(12, VideoCoverage, "云监管覆盖率", Measures.InstitutionsWithVideo, Measures.Institutions, 100, "%", 1,
            "接入视频监管（云监管）的机构 ÷ 托育机构 × 100%（按当前登记信息）。", $"{Xinchang} 主要指标 17"),
        Def(13, FeeIncomeRatio, "托育服务平均价格占人均可支配收入比重", Measures.AvgFullDayFee, Measures.DisposableIncome, 1200, "%", 1,
            "全日托平均月收费 × 12 ÷ 居民人均可支配收入（年）× 100%；越低越好。", $"{Xinchang} 主要指标 7", lowerIsBetter: true),
        Def(14, DemonstrationCount, "示范性托育机构数", Measures.DemonstrationInstitutions, null, 1, "家", 0,
            "当日持有示范性称号（市级或区县级）的机构数。", $"{ChangshaPlan} 二（二）具体指标表 2.4、三（十一）1"),
    ];

    public static IReadOnlyList<IndicatorTarget> Targets { get; } =
    [
        // National: 每千人口拥有3岁以下婴幼儿托位数 4.5 by 2025 (国家“十四五”规划纲要, which 株政办发〔2022〕23号 cites in its preamble).
        T(Domain.TargetResolution.NationCode, SlotsPer1000Residents, 2025, 4.5m, null, null,
            "《中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要》：2025年每千人口拥有3岁以下婴幼儿托位数4.5个"),
        // 长沙市: 长政发〔2022〕10号 二（二）具体指标表, 当前值（2020年）→ 目标值（2025年）.
        T("430100000000", FilingRate, 2025, 60m, 2020, 6m, $"{ChangshaPlan} 二（二）具体指标表 2.3：托育机构登记备案率 6% → 60%"),
        T("430100000000", DemonstrationCount, 2025, 30m, 2020, 11m, $"{ChangshaPlan} 二（二）具体指标表 2.4：示范性婴幼儿照护服务机构数 11 → 30"),
        T("430100000000", SlotsPer1000Residents, 2025, 4.5m, 2020, 1.9m, $"{ChangshaPlan} 二（二）具体指标表 2.5：每千人口托位数 1.9 → 4.5"),
        T("430100000000", InclusiveSlotShare, 2025, 60m, 2020, 26m, $"{ChangshaPlan} 二（二）具体指标表 2.6：普惠性托位占比 26% → 60%"),
        T("430100000000", CarerCertificationRate, 2025, 100m, 2020, 80m, $"{ChangshaPlan} 二（二）具体指标表 2.9：从业人员持证上岗率 80% → 100%"),
        // 株洲市: 株政办发〔2022〕23号.
        T("430200000000", SlotsPer1000Residents, 2025, 4.5m, null, null, $"{Zhuzhou} 二、发展目标：到2025年每千常住人口拥有婴幼儿托位数达到4.5个以上"),
        T("430200000000", CarerCertificationRate, 2025, 100m, null, null, $"{Zhuzhou} 三（四）1：实现从业人员持证上岗率达100%"),
        // 新昌县 (330624): 主要指标表, 2024年目标值 and 2027年目标值.
        .. Xin(SlotsPer1000Residents, 4.54m, 4.9m, 1),
        .. Xin(SlotsPer1000Under3, 305m, 370m, 2),
        .. Xin(PublicSlotShare, 50m, 60m, 3),
        .. Xin(InclusiveSlotShare, 80m, 90m, 4),
        .. Xin(Under2SlotShare, 8m, 12m, 5),
        .. Xin(FeeIncomeRatio, 40m, 40m, 7),
        .. Xin(EnrollmentRate, 20m, 24m, 8),
        .. Xin(SlotUsageRate, 63m, 65m, 9),
        .. Xin(MedicalAgreementRate, 100m, 100m, 10),
        .. Xin(CarerCertificationRate, 80m, 90m, 13),
        .. Xin(GradeCoverage, 70m, 90m, 14),
        // Row 17's 2024 target covers grade-2-and-above institutions only, which no indicator here measures: only 2027 (all) is loaded.
        T(XinchangCode, VideoCoverage, 2027, 100m, null, null, $"{Xinchang} 主要指标 17：2027年所有托育机构“云监管”全覆盖"),
    ];

    public const string XinchangCode = "330624000000";

    private static IndicatorTarget[] Xin(string code, decimal v2024, decimal v2027, int row) =>
    [
        T(XinchangCode, code, 2024, v2024, null, null, $"{Xinchang} 主要指标 {row}：2024年目标值"),
        T(XinchangCode, code, 2027, v2027, null, null, $"{Xinchang} 主要指标 {row}：2027年目标值"),
    ];

    private static IndicatorTarget T(string region, string code, int year, decimal value, int? baselineYear, decimal? baseline, string source) =>
        new() { RegionCode = region, IndicatorCode = code, Year = year, Value = value, BaselineYear = baselineYear, BaselineValue = baseline, Source = source };

    private static IndicatorDefinition Def(int order, string code, string name, string numerator, string? denominator, decimal factor, string unit,
        int decimals, string note, string clause, bool lowerIsBetter = false) => new()
        {
            Code = code, Name = name, Numerator = numerator, Denominator = denominator, Factor = factor, Unit = unit, Decimals = decimals,
            DefinitionNote = note, SeedClause = clause, SortOrder = order, BuiltIn = true, LowerIsBetter = lowerIsBetter,
        };
}
