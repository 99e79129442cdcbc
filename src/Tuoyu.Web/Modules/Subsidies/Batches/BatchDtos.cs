namespace Tuoyu.Web.Modules.Subsidies.Batches;

public sealed record NewBatchRequest(string? RegionCode, string? Month);

/// <summary>A workflow step's body: the version the caller saw (optional) and, for return and cancel, a reason.</summary>
public sealed record BatchActionRequest(int? Version, string? Reason);

public sealed record BatchDto(
    Guid Id, string RegionCode, string RegionName, string Month, string Status, string StatusName, int LineCount, long TotalFen,
    int? ApprovedLineCount, long? ApprovedTotalFen, string CreatedBy, DateTime CreatedAt, DateTime ComputedAt,
    string? SubmittedBy, DateTime? SubmittedAt, string? ApprovedBy, DateTime? ApprovedAt, DateTime? ExportedAt, DateTime? PaidAt,
    DateTime? CancelledAt, string? Reason, IReadOnlyList<Guid> RuleVersionIds, int Version);

public sealed record BatchLineDto(
    Guid Id, Guid ChildId, string ChildName, Guid InstitutionId, string InstitutionName, Guid RuleId, string RuleName, Guid RuleVersionId,
    string SourceDocument, string SourceClause, string Month, string ClassType, string ClassTypeName,
    int InfantDays, int ToddlerDays, int PreschoolDays, int MixedDays, int EnrolledDays, int AttendedDays,
    int InclusiveDays, int FiledDays, int EligibleDays, int InstitutionCount, long AmountFen, string? BatchStatus = null);

public sealed record BatchLinePage(int Page, int PageSize, int Total, IReadOnlyList<BatchLineDto> Items);

public sealed record InstitutionTotalDto(Guid InstitutionId, string InstitutionName, int Lines, long TotalFen);

public sealed record DifferenceDto(Guid ChildId, string ChildName, Guid InstitutionId, string InstitutionName, Guid RuleId, long? PreviousFen, long? CurrentFen);

public sealed record BatchDifferencesDto(Guid? PreviousBatchId, string? PreviousMonth, int NewCount, int GoneCount, int ChangedCount,
    IReadOnlyList<DifferenceDto> New, IReadOnlyList<DifferenceDto> Gone, IReadOnlyList<DifferenceDto> Changed);
