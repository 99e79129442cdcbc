using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Subsidies.Domain;

/// <summary>
/// A subsidy policy (issue #5 item 1, ADR 0028): it belongs to a jurisdiction (a region code; it applies to every
/// institution and child below it) and changes only by new <see cref="SubsidyRuleVersion"/> rows, so a batch that used
/// an old version keeps it. A county adds its own top-up as a separate rule under its own code.
/// </summary>
public sealed class SubsidyRule
{
    public const int CodeMaxLength = 60;
    public const int NameMaxLength = 100;

    public Guid Id { get; init; }
    /// <summary>Stable English key, e.g. "changsha-2025-monthly".</summary>
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string JurisdictionRegionCode { get; init; }
    public SubsidyKind Kind { get; init; }
    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; init; }
    /// <summary>Null for the rules preloaded with the schema.</summary>
    public Guid? CreatedByUserId { get; init; }
}

public enum SubsidyKind
{
    /// <summary>入托补助: per child per month, by class type.</summary>
    MonthlyPerChild = 1,
    /// <summary>一次性建设补助: per slot, once per institution.</summary>
    OneTimePerSlot = 2,
    /// <summary>一次性补助/补贴: per child, once.</summary>
    OneTimePerChild = 3,
}

/// <summary>
/// One version of a rule: its period, its source, its amounts (integer fen) and every setting the policy text leaves
/// open. For a date, the version in force is the highest-numbered one whose period covers it (ADR 0028).
/// </summary>
public sealed class SubsidyRuleVersion
{
    public const int SourceMaxLength = 100;
    public const int ClauseMaxLength = 100;

    public Guid Id { get; init; }
    public Guid RuleId { get; init; }
    public int Number { get; init; }
    public DateOnly EffectiveFrom { get; init; }
    /// <summary>Inclusive; null while open-ended.</summary>
    public DateOnly? EffectiveTo { get; init; }
    /// <summary>文号, e.g. "长政办发〔2025〕6号".</summary>
    public required string SourceDocument { get; init; }
    /// <summary>条款, e.g. "二(二)6".</summary>
    public required string SourceClause { get; init; }

    /// <summary>Monthly amount per class type (fen); null: the class type is not paid by this rule.</summary>
    public long? InfantFen { get; init; }
    public long? ToddlerFen { get; init; }
    public long? PreschoolFen { get; init; }
    public long? MixedFen { get; init; }
    /// <summary>One-time amount per slot or per child (fen).</summary>
    public long? OneTimeFen { get; init; }
    /// <summary>Most one payment line may carry (fen); null: no cap.</summary>
    public long? CapFen { get; init; }

    public bool RequiresInclusive { get; init; }
    public bool RequiresFiling { get; init; }
    /// <summary>Only privately run (民办) institutions (Changsha 2022 三(十)1 "社会办").</summary>
    public bool RequiresPrivate { get; init; }
    /// <summary>三孩: the child born strictly after this date.</summary>
    public DateOnly? ChildBornAfter { get; init; }
    /// <summary>三孩: the child's birth order at least this.</summary>
    public int? MinimumBirthOrder { get; init; }
    public bool RequiresLocalHukou { get; init; }

    /// <summary>Services whose days count (入托补助: 全日托 and 半日托 by default).</summary>
    public CareServices EligibleServices { get; init; }
    public ClassChangeRule ClassChange { get; init; }
    /// <summary>A child must have attended at least this many days of the month at the paying institution.</summary>
    public int MinimumAttendedDays { get; init; }
    /// <summary>Off: a full month's amount; on: amount × enrolled days ÷ days in the month, rounded down to the fen.</summary>
    public bool ProrateByEnrolledDays { get; init; }
    public StatusChangeRule StatusChange { get; init; }
    public MovedChildRule MovedChild { get; init; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; init; }
    public Guid? CreatedByUserId { get; init; }

    public bool InForceOn(DateOnly day) => EffectiveFrom <= day && (EffectiveTo is null || day <= EffectiveTo);

    public long? AmountFor(ClassType type) => type switch
    {
        ClassType.Infant => InfantFen,
        ClassType.Toddler => ToddlerFen,
        ClassType.Preschool => PreschoolFen,
        ClassType.Mixed => MixedFen,
        _ => null,
    };
}

/// <summary>How a child whose class type changed within the month is counted.</summary>
public enum ClassChangeRule
{
    /// <summary>The class type with the most enrolled days; a tie goes to the higher amount (default).</summary>
    MostEnrolledDays = 1,
    /// <summary>The class type with the highest amount among those the child was enrolled in.</summary>
    HighestAmount = 2,
}

/// <summary>How an institution that gained or lost 普惠 or filing within the month is treated.</summary>
public enum StatusChangeRule
{
    /// <summary>
    /// Eligible only on days it held every required status; a child counts if it attended on at least one such day
    /// (default).
    /// </summary>
    AttendedOnEligibleDay = 1,
    /// <summary>Only a month in which the institution held every required status on every day.</summary>
    WholeMonth = 2,
}

/// <summary>Where a child who moved institution within the month is paid (always once).</summary>
public enum MovedChildRule
{
    /// <summary>The institution with the most enrolled days; a tie goes to the earliest enrollment (default, the only one).</summary>
    MostEnrolledDays = 1,
}
