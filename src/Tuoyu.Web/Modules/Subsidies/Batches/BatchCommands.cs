using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Auditing;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Subsidies.Domain;

namespace Tuoyu.Web.Modules.Subsidies.Batches;

/// <summary>The same Idempotency-Key was sent with another payload (answered 422).</summary>
internal sealed class IdempotencyMismatchException() : Exception("Idempotency-Key reused with another payload");

/// <summary>
/// Creating and recomputing monthly batches (issue #5 items 2–3, ADR 0028): computed outside any transaction, then the
/// batch row and its lines in one transaction. One open batch per region and month (unique key); an Idempotency-Key
/// makes a retried or concurrent request return the first result.
/// </summary>
internal sealed class BatchCommands(AppDbContext db, CurrentUser current, BatchComputation computation, BatchQueries queries, AuditLog audit, TimeProvider clock)
{
    public async Task<(BatchDto Batch, bool Created)> CreateAsync(NewBatchRequest r, string? idempotencyKey, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        BatchAccess.RequireCountyOrAbove(user);
        var month = default(YearMonth);
        new Validate()
            .Check(RegionCode.IsValid(r.RegionCode), "regionCode", "请填写12位行政区划代码")
            .Check(YearMonth.TryParse(r.Month, out month), "month", "月份格式应为 2026-10")
            .Check(idempotencyKey is null || idempotencyKey.Length is > 0 and <= SubsidyIdempotencyKey.KeyMaxLength, "Idempotency-Key", "Idempotency-Key 长度应为1–200")
            .ThrowIfInvalid();
        var region = r.RegionCode!;
        if (!BatchAccess.Covers(user, region)) { throw new ForbiddenException("该地区不在您的管辖范围内"); }
        if (month >= YearMonth.Of(ChinaTime.Today(clock))) { throw new RuleViolationException("subsidy.month_not_over", "只能为已结束的月份生成补助批次"); }

        SubsidyIdempotencyKey? key = null;
        if (idempotencyKey is not null)
        {
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{region}|{month}")));
            key = new SubsidyIdempotencyKey { Key = $"{user.Id:N}:{idempotencyKey}", RequestHash = hash, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.SubsidyIdempotencyKeys.Add(key);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                var first = await db.SubsidyIdempotencyKeys.AsNoTracking().FirstAsync(k => k.Key == key.Key, ct);
                if (first.RequestHash != hash) { throw new IdempotencyMismatchException(); }
                if (first.BatchId is not { } done) { throw new RuleViolationException("subsidy.request_in_progress", "相同的请求正在处理中，请稍后重试"); }
                return (await queries.GetAsync(done, ct), false);
            }
        }

        try
        {
            var batch = await CreateBatchAsync(user, region, month, key, ct);
            return ((await queries.ToDtosAsync([batch], ct))[0], true);
        }
        catch when (key is not null)
        {
            // Nothing was created: the key is free for a retry.
            db.ChangeTracker.Clear();
            await db.SubsidyIdempotencyKeys.Where(k => k.Key == key.Key && k.BatchId == null).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }
    }

    private async Task<SubsidyBatch> CreateBatchAsync(UserContext user, string region, YearMonth month, SubsidyIdempotencyKey? key, CancellationToken ct)
    {
        var openKey = SubsidyBatch.OpenKeyFor(region, month);
        await RefuseExistingAsync(openKey, ct);
        await computation.RequireClosedAsync(region, month, ct);
        var id = Guid.CreateVersion7();
        var result = await computation.ComputeAsync(id, region, month, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var batch = new SubsidyBatch
        {
            Id = id, RegionCode = region, Month = month, Status = BatchStatus.Draft, OpenKey = openKey, RuleVersionIds = result.RuleVersionIds,
            LineCount = result.Lines.Count, TotalFen = result.Lines.Sum(l => l.AmountFen),
            CreatedByUserId = user.Id, CreatedByUserName = user.UserName, CreatedAt = now, ComputedAt = now,
        };
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.SubsidyBatches.Add(batch);
            if (key is not null) { key.BatchId = id; }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
            {
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                await RefuseExistingAsync(openKey, ct);
                throw;
            }

            await BulkInsert.InsertAsync(db, result.Lines, ct);
            await tx.CommitAsync(ct);
        }

        await audit.RecordAsync("compute", nameof(SubsidyBatch), id.ToString(), "success",
            $"{{\"region\":\"{region}\",\"month\":\"{month}\",\"lines\":{batch.LineCount},\"totalFen\":{batch.TotalFen}}}", ct: ct);
        return batch;
    }

    private async Task RefuseExistingAsync(string openKey, CancellationToken ct)
    {
        var existing = await db.SubsidyBatches.AsNoTracking().Where(b => b.OpenKey == openKey).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id)
        {
            throw new RuleViolationException(BatchWorkflow.BatchExists, "该地区该月份已有未作废的补助批次",
                new Dictionary<string, object?> { ["batchId"] = id });
        }
    }

    /// <summary>Only a draft is recomputed: its lines are replaced by the current figures, in one transaction.</summary>
    public async Task<BatchDto> RecomputeAsync(Guid id, BatchActionRequest? r, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        BatchAccess.RequireCountyOrAbove(user);
        var batch = await BatchAccess.LoadAsync(db, user, id, tracked: true, ct);
        CheckVersion(batch, r);
        BatchWorkflow.RequireStatus(batch, "重算", BatchStatus.Draft);
        await computation.RequireClosedAsync(batch.RegionCode, batch.Month, ct);
        var result = await computation.ComputeAsync(batch.Id, batch.RegionCode, batch.Month, ct);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            batch.RuleVersionIds = result.RuleVersionIds;
            batch.LineCount = result.Lines.Count;
            batch.TotalFen = result.Lines.Sum(l => l.AmountFen);
            batch.ComputedAt = clock.GetUtcNow().UtcDateTime;
            // The version check guards against a submit racing the recompute.
            await db.SaveChangesAsync(ct);
            await db.SubsidyBatchLines.Where(l => l.BatchId == batch.Id).ExecuteDeleteAsync(ct);
            await BulkInsert.InsertAsync(db, result.Lines, ct);
            await tx.CommitAsync(ct);
        }

        await audit.RecordAsync("recompute", nameof(SubsidyBatch), id.ToString(), "success",
            $"{{\"lines\":{batch.LineCount},\"totalFen\":{batch.TotalFen}}}", ct: ct);
        return (await queries.ToDtosAsync([batch], ct))[0];
    }

    public static void CheckVersion(SubsidyBatch batch, BatchActionRequest? r)
    {
        if (r?.Version is { } v && v != batch.Version)
        {
            throw new RuleViolationException(BatchWorkflow.Conflict, "批次已被他人修改，请刷新后重试", new Dictionary<string, object?> { ["version"] = batch.Version });
        }
    }
}
