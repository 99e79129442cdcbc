namespace Tuoyu.Web.Modules.Registry.Fees;

/// <summary>
/// An institution's fees. <c>Pricing</c> follows its designations (Market, GovernmentGuided for 普惠, GovernmentPriced for
/// 公办); <c>Services</c> and <c>ClassTypes</c> are what it offers (the rows must stay within them); <c>Warnings</c> lists
/// 普惠 rows without an applicable guideline or outside the one in force today; <c>Version</c> is the institution's.
/// </summary>
public sealed record FeesDto(Guid InstitutionId, string Pricing, string PricingName, bool IsInclusive, IReadOnlyList<string> Services,
    IReadOnlyList<string> ClassTypes, int Version, IReadOnlyList<FeeRowDto> Rows, IReadOnlyList<string> Warnings);

/// <summary>
/// One fee in fen a month. For a 普惠 institution <c>Guideline</c> is the range that applies on the later of
/// <c>EffectiveFrom</c> and today (null: none applies, <c>GuidelineMissing</c>); <c>WithinGuideline</c> is null when not checked.
/// </summary>
public sealed record FeeRowDto(string ClassType, string ClassTypeName, string Service, string ServiceName, long MonthlyFeeFen,
    DateOnly EffectiveFrom, FeeRangeDto? Guideline, bool GuidelineMissing, bool? WithinGuideline);

/// <summary>A guideline range as a fee row shows it.</summary>
public sealed record FeeRangeDto(Guid Id, string RegionCode, long MinMonthlyFen, long MaxMonthlyFen, string Basis);

/// <summary>Replaces the institution's whole fee set (all or nothing); <c>Version</c> is the institution's version.</summary>
public sealed record ReplaceFeesRequest(IReadOnlyList<FeeRowRequest>? Rows, int? Version);

/// <summary>
/// <c>ClassType</c> Infant | Toddler | Preschool | Mixed (a type the institution has a class of); <c>Service</c> one of
/// FullDay | HalfDay | Hourly | Temporary that the institution offers; <c>MonthlyFeeFen</c> 0 … 10,000,000.
/// </summary>
public sealed record FeeRowRequest(string? ClassType, string? Service, long? MonthlyFeeFen, DateOnly? EffectiveFrom);

/// <summary>A fee as the public sees it (no version, no guideline internals).</summary>
public sealed record PublicFeeDto(string ClassType, string ClassTypeName, string Service, string ServiceName, long MonthlyFeeFen,
    string PricingName, DateOnly EffectiveFrom);

/// <summary>A guideline. <c>ClassType</c> null: every class type. <c>EffectiveTo</c> null: in force until changed.</summary>
public sealed record FeeGuidelineDto(Guid Id, string RegionCode, string RegionName, string? ClassType, string ClassTypeName, string Service,
    string ServiceName, long MinMonthlyFen, long MaxMonthlyFen, DateOnly EffectiveFrom, DateOnly? EffectiveTo, string Basis,
    string SetByUserName, DateTime SetAt, int Version);

/// <summary>
/// A new guideline for the regulator's own region (<c>RegionCode</c> may be left out; another region is 403). Amounts in
/// fen, <c>ClassType</c> optional (all types), <c>Service</c> one service.
/// </summary>
public sealed record CreateFeeGuidelineRequest(string? RegionCode, string? Service, string? ClassType, long? MinMonthlyFen, long? MaxMonthlyFen,
    DateOnly? EffectiveFrom, DateOnly? EffectiveTo, string? Basis);

/// <summary>Changes a guideline's range, period (set <c>EffectiveTo</c> to end it) or basis; region, service and class type stay.</summary>
public sealed record UpdateFeeGuidelineRequest(long? MinMonthlyFen, long? MaxMonthlyFen, DateOnly? EffectiveFrom, DateOnly? EffectiveTo,
    string? Basis, int? Version);
