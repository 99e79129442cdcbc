namespace Tuoyu.Web.Modules.Supervision.Plans;

public sealed record PlanRiskRequest(Guid? InstitutionId, string? RiskClass);

/// <param name="Kinds">Institution kinds (registry codes); empty or null for all.</param>
/// <param name="FilingStatuses">Filing statuses (registry codes); null for Filed only, empty for all.</param>
/// <param name="InspectorIds">The pool; null or empty for every active inspector the caller may use.</param>
public sealed record CreatePlanRequest(string? RegionCode, string? Name, IReadOnlyList<string>? Kinds, IReadOnlyList<string>? FilingStatuses,
    int? DefaultPercent, int? PercentA, int? PercentB, int? PercentC, int? PercentD, int? TeamSize, string? PublicSeed, bool? RecusePreviousDraw,
    IReadOnlyList<Guid>? InspectorIds, IReadOnlyList<PlanRiskRequest>? RiskClasses);

public sealed record PlanView(Guid Id, string RegionCode, string Name, IReadOnlyList<string> Kinds, IReadOnlyList<string> FilingStatuses,
    int DefaultPercent, int? PercentA, int? PercentB, int? PercentC, int? PercentD, int TeamSize, string PublicSeed, bool RecusePreviousDraw,
    int Inspectors, DateTimeOffset? DrawnAt, Guid? DrawId);
