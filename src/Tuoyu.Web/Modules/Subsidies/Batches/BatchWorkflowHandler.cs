using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Rules;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Ui;
using Tuoyu.Web.Modules.Enrollment.Contracts;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Subsidies.Domain;

namespace Tuoyu.Web.Modules.Subsidies.Batches;

/// <summary>
/// The batch workflow (issue #5 item 2, security.md Money, ADR 0028). Every step loads the batch tracked, checks the
/// status (and the version the caller saw, if sent) and saves once; the row's version guards against a racing step.
/// Approval signs off the control totals and writes the payment ledger whose unique key makes a second payment of the
/// same child-month impossible; export re-checks the totals against the lines.
/// </summary>
internal sealed class BatchWorkflowHandler(AppDbContext db, CurrentUser current, BatchQueries queries, IInstitutionStatusHistory institutions,
    IMonthlyFigures children, TimeProvider clock)
{
    public async Task<BatchDto> SubmitAsync(Guid id, BatchActionRequest? r, CancellationToken ct) =>
        await StepAsync(id, r, ct, (batch, user, now) =>
        {
            BatchWorkflow.RequireStatus(batch, "提交", BatchStatus.Draft);
            batch.Status = BatchStatus.Submitted;
            batch.SubmittedByUserId = user.Id;
            batch.SubmittedByUserName = user.UserName;
            batch.SubmittedAt = now;
            return Task.CompletedTask;
        });

    public async Task<BatchDto> ReturnAsync(Guid id, BatchActionRequest? r, CancellationToken ct) =>
        await StepAsync(id, r, ct, (batch, user, now) =>
        {
            RequireReason(r);
            BatchWorkflow.RequireStatus(batch, "退回", BatchStatus.Submitted);
            batch.Status = BatchStatus.Draft;
            batch.Reason = r!.Reason!.Trim();
            batch.SubmittedByUserId = null;
            batch.SubmittedByUserName = null;
            batch.SubmittedAt = null;
            return Task.CompletedTask;
        });

    public async Task<BatchDto> CancelAsync(Guid id, BatchActionRequest? r, CancellationToken ct) =>
        await StepAsync(id, r, ct, (batch, user, now) =>
        {
            RequireReason(r);
            BatchWorkflow.RequireStatus(batch, "作废", BatchStatus.Draft, BatchStatus.Submitted);
            batch.Status = BatchStatus.Cancelled;
            batch.OpenKey = null;
            batch.Reason = r!.Reason!.Trim();
            batch.CancelledByUserId = user.Id;
            batch.CancelledAt = now;
            return Task.CompletedTask;
        });

    public async Task<BatchDto> MarkPaidAsync(Guid id, BatchActionRequest? r, CancellationToken ct) =>
        await StepAsync(id, r, ct, (batch, user, now) =>
        {
            BatchWorkflow.RequireStatus(batch, "标记已支付", BatchStatus.Exported);
            batch.Status = BatchStatus.Paid;
            batch.PaidByUserId = user.Id;
            batch.PaidAt = now;
            return Task.CompletedTask;
        });

    public async Task<BatchDto> ApproveAsync(Guid id, BatchActionRequest? r, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        BatchAccess.RequireCountyOrAbove(user);
        var batch = await BatchAccess.LoadAsync(db, user, id, tracked: true, ct);
        BatchCommands.CheckVersion(batch, r);
        BatchWorkflow.RequireStatus(batch, "审批", BatchStatus.Submitted);
        BatchWorkflow.RequireSecondPerson(batch, user.Id);
        var (count, total) = await TotalsAsync(batch.Id, ct);
        RequireTotals(batch.LineCount, batch.TotalFen, count, total);
        var lines = await db.SubsidyBatchLines.AsNoTracking().Where(l => l.BatchId == batch.Id)
            .Select(l => new { l.Id, l.ChildId, l.InstitutionId, l.RuleId, l.Month, l.AmountFen }).ToListAsync(ct);
        var paid = await db.SubsidyPayments.AsNoTracking()
            .Where(p => p.Month == batch.Month && db.SubsidyBatchLines.Any(l => l.BatchId == batch.Id && l.ChildId == p.ChildId && l.RuleId == p.RuleId))
            .CountAsync(ct);
        if (paid > 0) { throw AlreadyPaid(paid); }

        var now = clock.GetUtcNow().UtcDateTime;
        batch.Status = BatchStatus.Approved;
        batch.ApprovedByUserId = user.Id;
        batch.ApprovedByUserName = user.UserName;
        batch.ApprovedAt = now;
        batch.ApprovedLineCount = count;
        batch.ApprovedTotalFen = total;
        var payments = lines.Select(l => new SubsidyPayment
        {
            Id = Guid.CreateVersion7(), ChildId = l.ChildId, InstitutionId = l.InstitutionId, RuleId = l.RuleId, Month = l.Month,
            BatchId = batch.Id, LineId = l.Id, AmountFen = l.AmountFen, CreatedAt = now,
        }).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        try
        {
            await BulkInsert.InsertAsync(db, payments, ct);
        }
        catch (DbException)
        {
            // Another batch was approved for one of these child-months in the meantime: the ledger's unique key refused it.
            await tx.RollbackAsync(CancellationToken.None);
            throw AlreadyPaid(null);
        }

        await tx.CommitAsync(ct);
        return (await queries.ToDtosAsync([batch], ct))[0];
    }

    /// <summary>The payment file: only for an approved (or already exported) batch whose lines still match the signed-off totals.</summary>
    public async Task<(byte[] File, string Name)> ExportAsync(Guid id, BatchActionRequest? r, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        BatchAccess.RequireCountyOrAbove(user);
        var batch = await BatchAccess.LoadAsync(db, user, id, tracked: true, ct);
        BatchCommands.CheckVersion(batch, r);
        BatchWorkflow.RequireStatus(batch, "导出支付文件", BatchStatus.Approved, BatchStatus.Exported);
        var (count, total) = await TotalsAsync(batch.Id, ct);
        RequireTotals(batch.ApprovedLineCount ?? -1, batch.ApprovedTotalFen ?? -1, count, total);
        RequireTotals(batch.LineCount, batch.TotalFen, count, total);

        var rows = await (from l in db.SubsidyBatchLines.AsNoTracking().Where(l => l.BatchId == batch.Id)
                          join c in children.References() on l.ChildId equals c.Id
                          join i in institutions.References() on l.InstitutionId equals i.Id
                          join v in db.SubsidyRuleVersions on l.RuleVersionId equals v.Id
                          orderby i.Name, c.Name, l.Id
                          select new { i.Name, i.CreditCode, ChildName = c.Name, c.IdNumberMasked, l.ClassType, l.EnrolledDays, l.AttendedDays, l.AmountFen, v.SourceDocument, v.SourceClause })
            .ToListAsync(ct);
        var n = 0;
        var sheet = rows.Select(x => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["序号"] = ++n, ["机构名称"] = x.Name, ["统一社会信用代码"] = x.CreditCode, ["儿童姓名"] = x.ChildName, ["证件号码（脱敏）"] = x.IdNumberMasked,
            ["班级类型"] = ClassTypes.ChineseName(x.ClassType), ["在托天数"] = x.EnrolledDays, ["出勤天数"] = x.AttendedDays,
            ["金额（分）"] = x.AmountFen, ["金额（元）"] = Yuan.FormatPlain(x.AmountFen), ["政策依据"] = $"{x.SourceDocument} {x.SourceClause}",
        }).Append(new Dictionary<string, object?>
        {
            ["序号"] = null, ["机构名称"] = "合计", ["统一社会信用代码"] = null, ["儿童姓名"] = $"{count}人次", ["证件号码（脱敏）"] = null,
            ["班级类型"] = null, ["在托天数"] = null, ["出勤天数"] = null, ["金额（分）"] = total, ["金额（元）"] = Yuan.FormatPlain(total), ["政策依据"] = null,
        }).ToList();
        var file = await ExcelExport.ToXlsxAsync(sheet, "入托补助", ct);
        if (batch.Status == BatchStatus.Approved)
        {
            batch.Status = BatchStatus.Exported;
            batch.ExportedByUserId = user.Id;
            batch.ExportedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }

        return (file, $"入托补助-{batch.RegionCode}-{batch.Month}.xlsx");
    }

    private async Task<BatchDto> StepAsync(Guid id, BatchActionRequest? r, CancellationToken ct, Func<SubsidyBatch, UserContext, DateTime, Task> step)
    {
        var user = await current.RequireAsync(ct);
        BatchAccess.RequireCountyOrAbove(user);
        var batch = await BatchAccess.LoadAsync(db, user, id, tracked: true, ct);
        BatchCommands.CheckVersion(batch, r);
        await step(batch, user, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return (await queries.ToDtosAsync([batch], ct))[0];
    }

    private async Task<(int Count, long Total)> TotalsAsync(Guid batchId, CancellationToken ct)
    {
        var lines = db.SubsidyBatchLines.AsNoTracking().Where(l => l.BatchId == batchId);
        return (await lines.CountAsync(ct), await lines.SumAsync(l => (long?)l.AmountFen, ct) ?? 0);
    }

    private static void RequireTotals(int expectedCount, long expectedTotal, int count, long total)
    {
        if (expectedCount != count || expectedTotal != total)
        {
            throw new RuleViolationException(BatchWorkflow.TotalsMismatch, "批次明细与控制总数不一致，已拒绝",
                new Dictionary<string, object?> { ["expectedCount"] = expectedCount, ["expectedTotalFen"] = expectedTotal, ["count"] = count, ["totalFen"] = total });
        }
    }

    private static void RequireReason(BatchActionRequest? r) =>
        new Validate().Require("reason", r?.Reason, "原因", SubsidyBatch.ReasonMaxLength).ThrowIfInvalid();

    private static RuleViolationException AlreadyPaid(int? count) =>
        new(BatchWorkflow.AlreadyPaid, count is { } c ? $"其中{c}名儿童该月的补助已在其他批次审批，不能重复支付" : "部分儿童该月的补助已在其他批次审批，不能重复支付",
            new Dictionary<string, object?> { ["count"] = count });
}
