namespace Tuoyu.Web.Modules.Statistics.Domain;

/// <summary>
/// An indicator as data (issue #6 item 2): value = numerator ÷ denominator × factor, rounded to <see cref="Decimals"/>.
/// Numerator and denominator name measures of the fixed vocabulary in <see cref="Measures"/>; a null denominator makes a
/// count (value = numerator × factor). A local indicator is a new row, never a release.
/// </summary>
public sealed class IndicatorDefinition
{
    public const int CodeMaxLength = 64;
    public const int NameMaxLength = 100;
    public const int NoteMaxLength = 500;

    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string Numerator { get; set; }
    public string? Denominator { get; set; }
    /// <summary>1000 for 每千, 100 for a percentage, 1 for a count; 1200 for a monthly fee against a yearly income, in %.</summary>
    public decimal Factor { get; set; }
    /// <summary>个, %, 家 …</summary>
    public required string Unit { get; set; }
    public int Decimals { get; set; }
    /// <summary>True when a smaller value is better (e.g. the fee's share of income, Xinchang ≤ 40%).</summary>
    public bool LowerIsBetter { get; set; }
    public required string DefinitionNote { get; set; }
    /// <summary>The seed clause(s) the indicator comes from.</summary>
    public required string SeedClause { get; set; }
    public int SortOrder { get; set; }
    /// <summary>True for the rows shipped with the platform; false for a regulator's local indicator.</summary>
    public bool BuiltIn { get; init; }
}
