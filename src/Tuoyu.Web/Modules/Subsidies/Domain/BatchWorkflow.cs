using Tuoyu.Web.Common.Errors;

namespace Tuoyu.Web.Modules.Subsidies.Domain;

/// <summary>
/// The batch state machine (security.md Money; ADR 0028): draft → submitted → approved (by someone other than the
/// submitter) → exported → paid; submitted → returned (back to draft); draft or submitted → cancelled. Only a draft is
/// recomputed.
/// </summary>
public static class BatchWorkflow
{
    public const string InvalidTransition = "subsidy.invalid_status";
    public const string SamePerson = "subsidy.same_person";
    public const string AlreadyPaid = "subsidy.already_paid";
    public const string TotalsMismatch = "subsidy.totals_mismatch";
    public const string BatchExists = "subsidy.batch_exists";
    public const string Conflict = "subsidy.conflict";

    public static void RequireStatus(SubsidyBatch batch, string action, params BatchStatus[] allowed)
    {
        if (!allowed.Contains(batch.Status))
        {
            throw new RuleViolationException(InvalidTransition, $"批次当前为“{StatusName(batch.Status)}”，不能{action}",
                new Dictionary<string, object?> { ["batchStatus"] = batch.Status.ToString() });
        }
    }

    /// <summary>The approver must not be the person who submitted (四眼原则).</summary>
    public static void RequireSecondPerson(SubsidyBatch batch, Guid approverId)
    {
        if (batch.SubmittedByUserId == approverId)
        {
            throw new RuleViolationException(SamePerson, "提交人不能审批自己提交的批次，请由另一名工作人员审批");
        }
    }

    public static string StatusName(BatchStatus s) => s switch
    {
        BatchStatus.Draft => "草稿",
        BatchStatus.Submitted => "已提交",
        BatchStatus.Approved => "已审批",
        BatchStatus.Exported => "已导出",
        BatchStatus.Paid => "已支付",
        BatchStatus.Cancelled => "已作废",
        _ => s.ToString(),
    };
}
