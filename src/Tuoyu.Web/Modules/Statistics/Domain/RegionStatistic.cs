namespace Tuoyu.Web.Modules.Statistics.Domain;

/// <summary>Base statistics per region and year that no institution reports (统计局 figures).</summary>
public sealed class RegionStatistic
{
    public required string RegionCode { get; init; }
    public int Year { get; init; }
    /// <summary>常住人口</summary>
    public long? ResidentPopulation { get; set; }
    /// <summary>3岁以下婴幼儿数</summary>
    public long? ChildrenUnder3 { get; set; }
    /// <summary>出生人口</summary>
    public long? Births { get; set; }
    /// <summary>人均可支配收入, in fen.</summary>
    public long? DisposableIncomePerCapitaFen { get; set; }
    public required string Source { get; set; }
    public DateOnly SourceDate { get; set; }
}
