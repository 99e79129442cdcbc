namespace Tuoyu.Web.Modules.Statistics.BaseStatistics;

/// <summary>PUT body: any figure may be null (unknown); income in fen a year.</summary>
public sealed record StatisticRequest(long? ResidentPopulation, long? ChildrenUnder3, long? Births, long? DisposableIncomeFen, string? Source, DateOnly? SourceDate);

public sealed record StatisticView(string RegionCode, int Year, long? ResidentPopulation, long? ChildrenUnder3, long? Births, long? DisposableIncomeFen, string Source, DateOnly SourceDate);

public sealed record StatisticsImportResult(int Imported, IReadOnlyList<StatisticView> Rows);
