using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Contracts;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Subsidies.Domain;

namespace Tuoyu.Web.Modules.Subsidies.Batches;

/// <summary>Reading batches: list, one batch with its totals, its lines (paged, searchable), totals by institution, differences against the previous month.</summary>
internal sealed class BatchQueries(AppDbContext db, CurrentUser current, IInstitutionStatusHistory institutions, IMonthlyFigures children)
{
    public const int MaxPageSize = 200;

    public async Task<IReadOnlyList<BatchDto>> ListAsync(string? month, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        if (user.RegionCode is not { } own) { return []; }
        var prefix = RegionCode.PrefixOf(own);
        var q = db.SubsidyBatches.AsNoTracking().Where(b => b.RegionCode.StartsWith(prefix));
        if (!string.IsNullOrWhiteSpace(month))
        {
            if (!YearMonth.TryParse(month, out var m)) { throw ValidationFailedException.For("month", "月份格式应为 2026-10"); }
            q = q.Where(b => b.Month == m);
        }

        var batches = await q.OrderByDescending(b => b.CreatedAt).Take(500).ToListAsync(ct);
        return await ToDtosAsync(batches, ct);
    }

    public async Task<BatchDto> GetAsync(Guid id, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var batch = await BatchAccess.LoadAsync(db, user, id, tracked: false, ct);
        return (await ToDtosAsync([batch], ct))[0];
    }

    public async Task<IReadOnlyList<BatchDto>> ToDtosAsync(IReadOnlyList<SubsidyBatch> batches, CancellationToken ct)
    {
        var codes = batches.Select(b => b.RegionCode).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return batches.Select(b => new BatchDto(
            b.Id, b.RegionCode, names.GetValueOrDefault(b.RegionCode, b.RegionCode), b.Month.ToString(), b.Status.ToString(), BatchWorkflow.StatusName(b.Status),
            b.LineCount, b.TotalFen, b.ApprovedLineCount, b.ApprovedTotalFen, b.CreatedByUserName, b.CreatedAt, b.ComputedAt,
            b.SubmittedByUserName, b.SubmittedAt, b.ApprovedByUserName, b.ApprovedAt, b.ExportedAt, b.PaidAt, b.CancelledAt, b.Reason,
            b.RuleVersionIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList(), b.Version)).ToList();
    }

    public async Task<BatchLinePage> LinesAsync(Guid id, int? page, int? pageSize, string? q, Guid? institutionId, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var batch = await BatchAccess.LoadAsync(db, user, id, tracked: false, ct);
        var (p, size) = Paging(page, pageSize);
        var lines = db.SubsidyBatchLines.AsNoTracking().Where(l => l.BatchId == batch.Id);
        if (institutionId is { } inst) { lines = lines.Where(l => l.InstitutionId == inst); }
        return await PageAsync(lines, q, p, size, null, ct);
    }

    /// <summary>An institution admin's lines across batches that are not cancelled ("what we are owed and why").</summary>
    public async Task<BatchLinePage> OwedAsync(int? page, int? pageSize, string? month, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        if (user.InstitutionId is not { } inst) { throw new ForbiddenException("仅机构管理员可查看本机构应得补助"); }
        var (p, size) = Paging(page, pageSize);
        var open = db.SubsidyBatches.Where(b => b.Status != BatchStatus.Cancelled);
        var lines = db.SubsidyBatchLines.AsNoTracking().Where(l => l.InstitutionId == inst && open.Any(b => b.Id == l.BatchId));
        if (!string.IsNullOrWhiteSpace(month))
        {
            if (!YearMonth.TryParse(month, out var m)) { throw ValidationFailedException.For("month", "月份格式应为 2026-10"); }
            lines = lines.Where(l => l.Month == m);
        }

        return await PageAsync(lines, null, p, size, inst, ct);
    }

    public async Task<IReadOnlyList<InstitutionTotalDto>> InstitutionTotalsAsync(Guid id, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var batch = await BatchAccess.LoadAsync(db, user, id, tracked: false, ct);
        var totals = await db.SubsidyBatchLines.AsNoTracking().Where(l => l.BatchId == batch.Id)
            .GroupBy(l => l.InstitutionId)
            .Select(g => new { InstitutionId = g.Key, Lines = g.Count(), Total = g.Sum(l => l.AmountFen) })
            .ToListAsync(ct);
        var ids = totals.Select(t => t.InstitutionId).ToList();
        var names = await institutions.References().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        return totals.Select(t => new InstitutionTotalDto(t.InstitutionId, names.GetValueOrDefault(t.InstitutionId, ""), t.Lines, t.Total))
            .OrderBy(t => t.InstitutionName, StringComparer.Ordinal).ToList();
    }

    /// <summary>Lines new, gone or changed in amount against the latest open batch of the same region for the previous month.</summary>
    public async Task<BatchDifferencesDto> DifferencesAsync(Guid id, CancellationToken ct)
    {
        const int listed = 200;
        var user = await current.RequireAsync(ct);
        var batch = await BatchAccess.LoadAsync(db, user, id, tracked: false, ct);
        var previousMonth = batch.Month.AddMonths(-1);
        var previous = await db.SubsidyBatches.AsNoTracking()
            .Where(b => b.RegionCode == batch.RegionCode && b.Month == previousMonth && b.Status != BatchStatus.Cancelled)
            .OrderByDescending(b => b.CreatedAt).FirstOrDefaultAsync(ct);
        var now = await KeyedAsync(batch.Id, ct);
        var before = previous is null ? [] : await KeyedAsync(previous.Id, ct);
        var added = now.Keys.Except(before.Keys).ToList();
        var gone = before.Keys.Except(now.Keys).ToList();
        var changed = now.Keys.Intersect(before.Keys).Where(k => now[k] != before[k]).ToList();
        var shown = added.Take(listed).Concat(gone.Take(listed)).Concat(changed.Take(listed)).ToList();
        var childIds = shown.Select(k => k.Child).Distinct().ToList();
        var instIds = shown.Select(k => k.Institution).Distinct().ToList();
        var childNames = await children.References().Where(c => childIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var institutionNames = await institutions.References().Where(i => instIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        DifferenceDto Dto((Guid Child, Guid Institution, Guid Rule) k) => new(k.Child, childNames.GetValueOrDefault(k.Child, ""), k.Institution,
            institutionNames.GetValueOrDefault(k.Institution, ""), k.Rule, before.TryGetValue(k, out var b) ? b : null, now.TryGetValue(k, out var n) ? n : null);
        return new BatchDifferencesDto(previous?.Id, previous?.Month.ToString(), added.Count, gone.Count, changed.Count,
            added.Take(listed).Select(Dto).ToList(), gone.Take(listed).Select(Dto).ToList(), changed.Take(listed).Select(Dto).ToList());
    }

    private async Task<Dictionary<(Guid Child, Guid Institution, Guid Rule), long>> KeyedAsync(Guid batchId, CancellationToken ct) =>
        (await db.SubsidyBatchLines.AsNoTracking().Where(l => l.BatchId == batchId)
            .Select(l => new { l.ChildId, l.InstitutionId, l.RuleId, l.AmountFen }).ToListAsync(ct))
        .ToDictionary(l => (l.ChildId, l.InstitutionId, l.RuleId), l => l.AmountFen);

    private static (int Page, int Size) Paging(int? page, int? pageSize)
    {
        new Validate().Check(page is null or >= 1, "page", "页码须大于等于1")
            .Check(pageSize is null or (>= 1 and <= MaxPageSize), "pageSize", $"每页条数须在1到{MaxPageSize}之间").ThrowIfInvalid();
        return (page ?? 1, pageSize ?? 50);
    }

    private async Task<BatchLinePage> PageAsync(IQueryable<SubsidyBatchLine> lines, string? q, int page, int size, Guid? owedBy, CancellationToken ct)
    {
        var joined = from l in lines
                     join c in children.References() on l.ChildId equals c.Id
                     join i in institutions.References() on l.InstitutionId equals i.Id
                     join r in db.SubsidyRules on l.RuleId equals r.Id
                     join v in db.SubsidyRuleVersions on l.RuleVersionId equals v.Id
                     join b in db.SubsidyBatches on l.BatchId equals b.Id
                     select new { l, ChildName = c.Name, InstitutionName = i.Name, RuleName = r.Name, v.SourceDocument, v.SourceClause, b.Status };
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            joined = joined.Where(x => x.InstitutionName.Contains(term) || x.ChildName.Contains(term));
        }

        var total = await joined.CountAsync(ct);
        var rows = await joined.OrderByDescending(x => x.l.Month).ThenBy(x => x.InstitutionName).ThenBy(x => x.ChildName).ThenBy(x => x.l.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var items = rows.Select(x => new BatchLineDto(
            x.l.Id, x.l.ChildId, x.ChildName, x.l.InstitutionId, x.InstitutionName, x.l.RuleId, x.RuleName, x.l.RuleVersionId, x.SourceDocument,
            x.SourceClause, x.l.Month.ToString(), x.l.ClassType.ToString(), ClassTypes.ChineseName(x.l.ClassType), x.l.InfantDays, x.l.ToddlerDays,
            x.l.PreschoolDays, x.l.MixedDays, x.l.EnrolledDays, x.l.AttendedDays, x.l.InclusiveDays, x.l.FiledDays, x.l.EligibleDays,
            x.l.InstitutionCount, x.l.AmountFen, owedBy is null ? null : BatchWorkflow.StatusName(x.Status))).ToList();
        return new BatchLinePage(page, size, total, items);
    }
}
