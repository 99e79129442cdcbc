namespace Tuoyu.Web.Modules.Subsidies.Rules;

/// <summary>A new version's terms; amounts in integer fen; enums by English name.</summary>
public sealed record RuleVersionRequest(
    DateOnly? EffectiveFrom, DateOnly? EffectiveTo, string? SourceDocument, string? SourceClause,
    long? InfantFen, long? ToddlerFen, long? PreschoolFen, long? MixedFen, long? OneTimeFen, long? CapFen,
    bool? RequiresInclusive, bool? RequiresFiling, bool? RequiresPrivate, DateOnly? ChildBornAfter, int? MinimumBirthOrder,
    bool? RequiresLocalHukou, string[]? EligibleServices, string? ClassChange, int? MinimumAttendedDays, bool? ProrateByEnrolledDays,
    string? StatusChange, string? MovedChild);

public sealed record NewRuleRequest(string? Code, string? Name, string? JurisdictionRegionCode, string? Kind, RuleVersionRequest? Version);

public sealed record RuleVersionDto(
    Guid Id, int Number, DateOnly EffectiveFrom, DateOnly? EffectiveTo, string SourceDocument, string SourceClause,
    long? InfantFen, long? ToddlerFen, long? PreschoolFen, long? MixedFen, long? OneTimeFen, long? CapFen,
    bool RequiresInclusive, bool RequiresFiling, bool RequiresPrivate, DateOnly? ChildBornAfter, int? MinimumBirthOrder, bool RequiresLocalHukou,
    string[] EligibleServices, string ClassChange, int MinimumAttendedDays, bool ProrateByEnrolledDays, string StatusChange, string MovedChild);

public sealed record RuleDto(Guid Id, string Code, string Name, string JurisdictionRegionCode, string Kind, string KindName,
    RuleVersionDto? InForce, IReadOnlyList<RuleVersionDto> Versions);
