using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Subsidies.Domain;

/// <summary>
/// The four rules issue #5 item 1 names, preloaded with the schema (migration data, so production has them), each
/// with its source clause. Amounts in fen. Settings the texts leave open carry the defaults of ADR 0028.
/// </summary>
public static class PreloadedRules
{
    /// <summary>长沙市 (the jurisdiction of both Changsha documents).</summary>
    public const string Changsha = "430100000000";

    public static readonly Guid MonthlyRuleId = new("5b0e2f6a-1d7c-4a51-9e55-000000000001");
    public static readonly Guid ConstructionRuleId = new("5b0e2f6a-1d7c-4a51-9e55-000000000002");
    public static readonly Guid ThirdChildRuleId = new("5b0e2f6a-1d7c-4a51-9e55-000000000003");
    public static readonly Guid Changsha2022RuleId = new("5b0e2f6a-1d7c-4a51-9e55-000000000004");

    private static readonly DateTime Loaded = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    public static IReadOnlyList<SubsidyRule> Rules { get; } =
    [
        Rule(MonthlyRuleId, "changsha-2025-monthly", "入托补助（长沙市）", SubsidyKind.MonthlyPerChild),
        Rule(ConstructionRuleId, "changsha-2025-construction", "新建普惠托育机构一次性建设补助（长沙市）", SubsidyKind.OneTimePerSlot),
        Rule(ThirdChildRuleId, "changsha-2025-third-child", "三孩一次性育儿补贴（长沙市）", SubsidyKind.OneTimePerChild),
        Rule(Changsha2022RuleId, "changsha-2022-private-inclusive", "新建社会办普惠托育机构补贴（长沙市2022）", SubsidyKind.OneTimePerSlot),
    ];

    public static IReadOnlyList<SubsidyRuleVersion> Versions { get; } =
    [
        // 长政办发〔2025〕6号 二(二)6: "以乳儿班每人每月 300 元、托小班每人每月 200 元、托大班每人每月 100 元的标准发放入托补助",
        // "根据普惠托育机构的实际入托人数"; in force 2025-05-01 for 5 years (正文末: "自 2025 年 5 月 1 日起施行，有效期 5 年").
        // 混合班 is not named: the lowest amount (托大班) until a regulator sets another version (ADR 0028).
        new SubsidyRuleVersion
        {
            Id = new("5b0e2f6a-1d7c-4a51-9e55-000000000101"), RuleId = MonthlyRuleId, Number = 1,
            EffectiveFrom = new DateOnly(2025, 5, 1), EffectiveTo = new DateOnly(2030, 4, 30),
            SourceDocument = "长政办发〔2025〕6号", SourceClause = "二(二)6",
            InfantFen = 30_000, ToddlerFen = 20_000, PreschoolFen = 10_000, MixedFen = 10_000,
            RequiresInclusive = true, RequiresFiling = true,
            EligibleServices = CareServices.FullDay | CareServices.HalfDay, ClassChange = ClassChangeRule.MostEnrolledDays,
            MinimumAttendedDays = 1, ProrateByEnrolledDays = false, StatusChange = StatusChangeRule.AttendedOnEligibleDay,
            MovedChild = MovedChildRule.MostEnrolledDays, CreatedAt = Loaded,
        },
        // 长政办发〔2025〕6号 三(二): "新建普惠托育服务机构完成登记备案后，根据实际收托效果，对每个托位最高给予1万元的一次性资金补助".
        OneTime(new("5b0e2f6a-1d7c-4a51-9e55-000000000102"), ConstructionRuleId, "长政办发〔2025〕6号", "三(二)",
            new DateOnly(2025, 5, 1), new DateOnly(2030, 4, 30), amount: 1_000_000, cap: 1_000_000, inclusive: true, filing: true),
        // 长政办发〔2025〕6号 二(二)7: "对 2022 年 7 月 30 日以后夫妻双方共同依法生育三个及以上子女的本地户籍家庭，其第三孩及依法生育的
        // 三孩以上孩次可享受一次性育儿补贴 1 万元".
        OneTime(new("5b0e2f6a-1d7c-4a51-9e55-000000000103"), ThirdChildRuleId, "长政办发〔2025〕6号", "二(二)7",
            new DateOnly(2025, 5, 1), new DateOnly(2030, 4, 30), amount: 1_000_000, cap: null, inclusive: false, filing: false,
            bornAfter: new DateOnly(2022, 7, 30), birthOrder: 3, localHukou: true),
        // 长政发〔2022〕10号 三(十)1: "新建社会办普惠托育机构完成登记备案， 按实际收托数 1 个托位 1 万元标准进行补贴"; issued
        // 2022-12-22, "有效期至2025 年12 月31 日" (四 after 保障要素).
        OneTime(new("5b0e2f6a-1d7c-4a51-9e55-000000000104"), Changsha2022RuleId, "长政发〔2022〕10号", "三(十)1",
            new DateOnly(2022, 12, 22), new DateOnly(2025, 12, 31), amount: 1_000_000, cap: null, inclusive: true, filing: true, isPrivate: true),
    ];

    private static SubsidyRule Rule(Guid id, string code, string name, SubsidyKind kind) => new()
    {
        Id = id, Code = code, Name = name, JurisdictionRegionCode = Changsha, Kind = kind, CreatedAt = Loaded,
    };

    private static SubsidyRuleVersion OneTime(Guid id, Guid ruleId, string document, string clause, DateOnly from, DateOnly to,
        long amount, long? cap, bool inclusive, bool filing, bool isPrivate = false, DateOnly? bornAfter = null, int? birthOrder = null,
        bool localHukou = false) => new()
    {
        Id = id, RuleId = ruleId, Number = 1, EffectiveFrom = from, EffectiveTo = to, SourceDocument = document, SourceClause = clause,
        OneTimeFen = amount, CapFen = cap, RequiresInclusive = inclusive, RequiresFiling = filing, RequiresPrivate = isPrivate,
        ChildBornAfter = bornAfter, MinimumBirthOrder = birthOrder, RequiresLocalHukou = localHukou,
        EligibleServices = CareServices.FullDay | CareServices.HalfDay, ClassChange = ClassChangeRule.MostEnrolledDays,
        MinimumAttendedDays = 1, StatusChange = StatusChangeRule.AttendedOnEligibleDay, MovedChild = MovedChildRule.MostEnrolledDays,
        CreatedAt = Loaded,
    };
}
