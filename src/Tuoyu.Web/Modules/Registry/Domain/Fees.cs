using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Registry.Domain;

/// <summary>
/// 收费标准: an institution's monthly fee for one class type and one service (issue #3 item 5). Money is integer fen
/// (architecture.md rule 3). Fees are public. One row per (institution, class type, service).
/// </summary>
public sealed class InstitutionFee : IVersioned
{
    public Guid Id { get; init; }
    public Guid InstitutionId { get; init; }
    public ClassType ClassType { get; init; }
    /// <summary>Exactly one service flag.</summary>
    public CareServices Service { get; init; }
    public long MonthlyFeeFen { get; set; }
    public FeePricing Pricing { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    /// <summary>UTC instant of the last change.</summary>
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>How a fee is priced (domain.md, Institutions: 普惠 fees are government-guided).</summary>
public enum FeePricing
{
    /// <summary>市场调节价 (private, not 普惠)</summary>
    Market = 1,
    /// <summary>政府指导价 (普惠: within the regulator's reference range)</summary>
    GovernmentGuided = 2,
    /// <summary>政府定价 (公办)</summary>
    GovernmentPriced = 3,
}

/// <summary>
/// 普惠托育服务收费指导价: the reference range a regulator sets for a region (and everything below it) for a service
/// and optionally one class type, over a period. A 普惠 institution's fee outside the range that applies is refused.
/// The most specific range applies: the deepest region, then a class-type range over an all-types one.
/// </summary>
public sealed class FeeGuideline : IVersioned
{
    public const int BasisMaxLength = 200;

    public Guid Id { get; init; }
    public required string RegionCode { get; init; }
    /// <summary>Null: every class type.</summary>
    public ClassType? ClassType { get; init; }
    public CareServices Service { get; init; }
    public long MinMonthlyFen { get; set; }
    public long MaxMonthlyFen { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    /// <summary>Inclusive; null while in force.</summary>
    public DateOnly? EffectiveTo { get; set; }
    /// <summary>定价依据: the price notice, e.g. "长发改价调〔2025〕5号".</summary>
    public required string Basis { get; set; }
    public Guid SetByUserId { get; set; }
    public required string SetByUserName { get; set; }
    /// <summary>UTC.</summary>
    public DateTime SetAt { get; set; }
    public int Version { get; set; }
}
