namespace Tuoyu.Web.Modules.Statistics.Values;

/// <summary>One indicator of a region's table: the figure, what it is computed from, and the target that applies.</summary>
public sealed record IndicatorValue(
    string Code, string Name, string Unit, int Decimals, decimal? Value, decimal? Numerator, decimal? Denominator,
    string NumeratorMeasure, string? DenominatorMeasure, int? StatisticsYear,
    decimal? Target, int? TargetYear, string? TargetRegion, string? TargetSource, string? Status, string StatusName);

public sealed record IndicatorTable(string RegionCode, string RegionName, int Year, DateOnly Date, IReadOnlyList<IndicatorValue> Items);

/// <summary>One row of a breakdown: a sub-region (Kind "region") or an institution (Kind "institution").</summary>
public sealed record BreakdownRow(string Key, string Name, string Kind, decimal? Value, decimal? Numerator, decimal? Denominator,
    decimal? Target, string? Status, string StatusName);

public sealed record IndicatorBreakdown(string Code, string Name, string Unit, string RegionCode, string RegionName, int Year, DateOnly Date,
    string RowKind, IReadOnlyList<BreakdownRow> Rows);

public sealed record TrendPoint(int Year, DateOnly Date, decimal? Value, decimal? Numerator, decimal? Denominator, decimal? Target, string? Status, string StatusName);

public sealed record IndicatorTrend(string Code, string Name, string Unit, string RegionCode, string RegionName, IReadOnlyList<TrendPoint> Points);
