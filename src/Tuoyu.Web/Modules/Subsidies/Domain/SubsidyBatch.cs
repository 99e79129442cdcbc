using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Subsidies.Domain;

/// <summary>
/// A monthly 入托补助 batch for a region and a month (issue #5 item 2, ADR 0028). Its lines are computed from the
/// closed month's figures and frozen; only a draft is recomputed. Control totals are kept on the row, signed off at
/// approval and checked against the lines at export.
/// </summary>
public sealed class SubsidyBatch : IVersioned
{
    public const int ReasonMaxLength = 500;

    public Guid Id { get; init; }
    public required string RegionCode { get; init; }
    public YearMonth Month { get; init; }
    public BatchStatus Status { get; set; }
    /// <summary>"region|month" while the batch is not cancelled, null after: a unique index allows one open batch per region and month.</summary>
    public string? OpenKey { get; set; }
    /// <summary>The rule versions used, comma-separated, sorted.</summary>
    public required string RuleVersionIds { get; set; }
    public int LineCount { get; set; }
    public long TotalFen { get; set; }
    /// <summary>Control totals as signed off by the approver.</summary>
    public int? ApprovedLineCount { get; set; }
    public long? ApprovedTotalFen { get; set; }

    public Guid CreatedByUserId { get; init; }
    public required string CreatedByUserName { get; init; }
    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; init; }
    public DateTime ComputedAt { get; set; }
    public Guid? SubmittedByUserId { get; set; }
    public string? SubmittedByUserName { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public Guid? ApprovedByUserId { get; set; }
    public string? ApprovedByUserName { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public Guid? ExportedByUserId { get; set; }
    public DateTime? ExportedAt { get; set; }
    public Guid? PaidByUserId { get; set; }
    public DateTime? PaidAt { get; set; }
    public Guid? CancelledByUserId { get; set; }
    public DateTime? CancelledAt { get; set; }
    /// <summary>The last return's or the cancellation's reason.</summary>
    public string? Reason { get; set; }
    public int Version { get; set; }

    public static string OpenKeyFor(string regionCode, YearMonth month) => $"{regionCode}|{month}";
}

public enum BatchStatus
{
    /// <summary>草稿 (also after a return)</summary>
    Draft = 1,
    /// <summary>已提交</summary>
    Submitted = 2,
    /// <summary>已审批</summary>
    Approved = 3,
    /// <summary>已导出支付文件</summary>
    Exported = 4,
    /// <summary>已支付</summary>
    Paid = 5,
    /// <summary>已作废</summary>
    Cancelled = 6,
}

/// <summary>
/// One eligible child at one institution under one rule version, with every input frozen so the amount can be
/// re-derived: days per class type, enrolled and attended days, the institution's 普惠 and filing days.
/// </summary>
public sealed class SubsidyBatchLine
{
    public Guid Id { get; init; }
    public Guid BatchId { get; init; }
    public Guid ChildId { get; init; }
    public Guid InstitutionId { get; init; }
    public Guid RuleId { get; init; }
    public Guid RuleVersionId { get; init; }
    public YearMonth Month { get; init; }
    /// <summary>The class type paid for.</summary>
    public ClassType ClassType { get; init; }
    public int InfantDays { get; init; }
    public int ToddlerDays { get; init; }
    public int PreschoolDays { get; init; }
    public int MixedDays { get; init; }
    public int EnrolledDays { get; init; }
    public int AttendedDays { get; init; }
    /// <summary>Days of the month the institution held 普惠 / was filed / held every status the rule requires.</summary>
    public int InclusiveDays { get; init; }
    public int FiledDays { get; init; }
    public int EligibleDays { get; init; }
    /// <summary>Institutions the child was enrolled at this month (more than one: moved, paid here once).</summary>
    public int InstitutionCount { get; init; }
    public long AmountFen { get; set; }
}

/// <summary>
/// The ledger of what has been approved for payment: one row per child, rule and month, unique in the database, so two
/// batches can never both be approved for the same child-month (ADR 0028).
/// </summary>
public sealed class SubsidyPayment
{
    public Guid Id { get; init; }
    public Guid ChildId { get; init; }
    public Guid InstitutionId { get; init; }
    public Guid RuleId { get; init; }
    public YearMonth Month { get; init; }
    public Guid BatchId { get; init; }
    public Guid LineId { get; init; }
    public long AmountFen { get; init; }
    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; init; }
}

/// <summary>An Idempotency-Key seen on batch creation: the first request's payload hash and, once done, its batch.</summary>
public sealed class SubsidyIdempotencyKey
{
    public const int KeyMaxLength = 200;

    /// <summary>"userId:key".</summary>
    public required string Key { get; init; }
    public required string RequestHash { get; init; }
    public Guid? BatchId { get; set; }
    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; init; }
}
