namespace Tuoyu.Web.Modules.Statistics.Domain;

/// <summary>
/// A target (目标值) for one indicator in one region for one year, with its source document and clause. A region's target
/// applies to every region below it that has none of its own (<see cref="TargetResolution"/>). The baseline (当前值 and its
/// year) is the start of the straight-line path the status is judged against; without one, the region's previous target is.
/// </summary>
public sealed class IndicatorTarget
{
    public const int SourceMaxLength = 300;

    /// <summary>12-digit region code; <see cref="TargetResolution.NationCode"/> for a national target.</summary>
    public required string RegionCode { get; init; }
    public required string IndicatorCode { get; init; }
    public int Year { get; init; }
    public decimal Value { get; set; }
    public int? BaselineYear { get; set; }
    public decimal? BaselineValue { get; set; }
    /// <summary>Document number and clause, e.g. 长政发〔2022〕10号 二（二）具体指标表 2.5.</summary>
    public required string Source { get; set; }
}
