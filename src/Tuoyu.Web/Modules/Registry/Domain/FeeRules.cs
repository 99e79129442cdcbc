using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Registry.Domain;

/// <summary>
/// Fees (收费标准) and fee guidelines (普惠收费指导价), issue #3 item 5. Pure: pricing, the guideline that applies,
/// the period overlap of two guidelines and the sanity cap.
/// </summary>
public static class FeeRules
{
    public const string OutsideGuideline = "registry.fee_outside_guideline";
    public const string GuidelineOverlap = "registry.fee_guideline_overlap";

    /// <summary>
    /// Sanity cap for a monthly fee or a guideline bound: 100,000 元 a month (10,000,000 fen). Not a policy figure —
    /// a typing guard (a fee in fen typed as yuan ×100 lands far above any childcare fee); above it is a 400.
    /// </summary>
    public const long MaxMonthlyFen = 100_000_00;

    /// <summary>
    /// How an institution's fees are priced: 公办 → 政府定价 (Xinchang 2024 二(五)2 "依法对公办托育机构（含公办幼儿园托班）
    /// 实行政府定价管理"); 普惠 → 政府指导价 (national opinions 六 "民办普惠托育机构基本服务收费实行政府指导价管理，或者
    /// 通过设置参考区间加强引导"); otherwise 市场调节价.
    /// </summary>
    public static FeePricing PricingOf(Ownership ownership, bool isInclusive) =>
        ownership == Ownership.Public ? FeePricing.GovernmentPriced
        : isInclusive ? FeePricing.GovernmentGuided
        : FeePricing.Market;

    public static string PricingName(FeePricing p) => p switch
    {
        FeePricing.Market => "市场调节价",
        FeePricing.GovernmentGuided => "政府指导价",
        FeePricing.GovernmentPriced => "政府定价",
        _ => p.ToString(),
    };

    /// <summary>True when <paramref name="g"/> is in force on <paramref name="day"/> (both ends inclusive; no end = open).</summary>
    public static bool InForce(FeeGuideline g, DateOnly day) => g.EffectiveFrom <= day && (g.EffectiveTo is null || day <= g.EffectiveTo);

    /// <summary>
    /// The guideline that applies to an institution in <paramref name="institutionRegion"/> for a class of
    /// <paramref name="classType"/> and <paramref name="service"/> on <paramref name="day"/>, or null: among those in
    /// force whose region covers the institution, the deepest region wins, then a class-type range over an
    /// all-types one (the more specific rule of the price authority; ADR 0016), then the latest start.
    /// </summary>
    public static FeeGuideline? Resolve(IEnumerable<FeeGuideline> guidelines, string institutionRegion, ClassType classType,
        CareServices service, DateOnly day) =>
        guidelines
            .Where(g => g.Service == service && (g.ClassType is null || g.ClassType == classType) && InForce(g, day)
                && RegionCode.IsValid(g.RegionCode) && RegionCode.IsWithin(institutionRegion, g.RegionCode))
            .OrderByDescending(g => RegionCode.PrefixOf(g.RegionCode).Length)
            .ThenByDescending(g => g.ClassType is not null)
            .ThenByDescending(g => g.EffectiveFrom)
            .FirstOrDefault();

    /// <summary>The codes of the regions that cover <paramref name="code"/>: its province, city, county, street and itself.</summary>
    public static IReadOnlyList<string> CoveringCodes(string code) =>
        [.. new[] { code[..2] + "0000000000", code[..4] + "00000000", code[..6] + "000000", code[..9] + "000", code }.Distinct()];

    /// <summary>
    /// Whether two guidelines compete: the same region, service and class type (all-types only with all-types) and
    /// periods that share at least one day. Different class types, or a class-type range under an all-types one,
    /// do not compete: <see cref="Resolve"/> picks the specific one.
    /// </summary>
    public static bool Overlaps(FeeGuideline a, FeeGuideline b) =>
        a.Id != b.Id && a.RegionCode == b.RegionCode && a.Service == b.Service && a.ClassType == b.ClassType
        && a.EffectiveFrom <= (b.EffectiveTo ?? DateOnly.MaxValue) && b.EffectiveFrom <= (a.EffectiveTo ?? DateOnly.MaxValue);
}
