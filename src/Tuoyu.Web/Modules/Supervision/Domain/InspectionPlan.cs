using Tuoyu.Web.Common.Data;

namespace Tuoyu.Web.Modules.Supervision.Domain;

/// <summary>
/// A 双随机 sampling plan (issue #7 item 2, ADR 0030): which institutions (a filter, frozen at draw time), what share of
/// them per risk class, from which inspector pool, teams of how many, and the public seed announced before the draw.
/// </summary>
public sealed class InspectionPlan : IVersioned
{
    public Guid Id { get; init; }
    public required string RegionCode { get; init; }
    public required string Name { get; init; }
    /// <summary>Institution kinds, comma-separated registry codes; empty for every kind.</summary>
    public required string Kinds { get; init; }
    /// <summary>Filing statuses, comma-separated registry codes; empty for every status.</summary>
    public required string FilingStatuses { get; init; }
    /// <summary>抽查比例 in percent for institutions without a risk class (and classes without their own).</summary>
    public int DefaultPercent { get; init; }
    public int? PercentA { get; init; }
    public int? PercentB { get; init; }
    public int? PercentC { get; init; }
    public int? PercentD { get; init; }
    /// <summary>Inspectors per inspection, at least 2 (双随机: 两名以上执法检查人员).</summary>
    public int TeamSize { get; init; }
    /// <summary>The public seed string announced before the draw (e.g. a lottery result or a notice number).</summary>
    public required string PublicSeed { get; init; }
    /// <summary>Recuse an inspector from an institution they were drawn for in the region's previous draw.</summary>
    public bool RecusePreviousDraw { get; init; }
    public Guid CreatedByUserId { get; init; }
    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; init; }
    /// <summary>Set once by the draw (UTC); a plan is drawn at most once.</summary>
    public DateTime? DrawnAt { get; set; }
    public int Version { get; set; }
}

/// <summary>An inspector in a plan's pool.</summary>
public sealed class InspectionPlanInspector
{
    public Guid PlanId { get; init; }
    public Guid InspectorId { get; init; }
}

/// <summary>An institution's risk class (A highest … D lowest) for one plan, as the regulator set it.</summary>
public sealed class InspectionPlanRisk
{
    public Guid PlanId { get; init; }
    public Guid InstitutionId { get; init; }
    public required string RiskClass { get; init; }
}

/// <summary>The one draw of a plan: its frozen public inputs and result (both canonical JSON), never redone.</summary>
public sealed class InspectionDraw
{
    public Guid Id { get; init; }
    public Guid PlanId { get; init; }
    public required string RegionCode { get; init; }
    public required string Algorithm { get; init; }
    public required string SeedHex { get; init; }
    public required string InputsJson { get; init; }
    public required string ResultJson { get; init; }
    /// <summary>UTC.</summary>
    public DateTime DrawnAt { get; init; }
    public Guid DrawnByUserId { get; init; }
}

/// <summary>One inspector drawn for one institution (for recusal in the region's next draw, and the inspections to come).</summary>
public sealed class InspectionDrawPick
{
    public Guid Id { get; init; }
    public Guid DrawId { get; init; }
    public required string RegionCode { get; init; }
    public Guid InstitutionId { get; init; }
    public Guid InspectorId { get; init; }
}
