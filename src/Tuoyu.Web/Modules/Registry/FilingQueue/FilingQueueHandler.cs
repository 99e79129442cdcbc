using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Institutions;

namespace Tuoyu.Web.Modules.Registry.FilingQueue;

/// <summary>
/// The regulator's filing queue (备案审核, issue #3 item 7; ADR 0019): institutions in the caller's scope with one
/// filing status (已提交 by default), oldest submission first, filtered by region, paged. Pages and API share it.
/// </summary>
internal sealed class FilingQueueHandler(AppDbContext db, IInstitutionScope scope, CurrentUser current)
{
    public async Task<PagedResult<FilingQueueItem>> ListAsync(string? region, string? status, int page, int pageSize, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(region)) { region = null; }
        var filingStatus = FilingStatus.Submitted;
        new Validate()
            .Check(page >= 1, "page", "页码须大于等于1")
            .Check(pageSize is >= 1 and <= 200, "pageSize", "每页条数须在1到200之间")
            .Check(region is null || RegionCode.IsValid(region), "region", "区划代码应为12位数字")
            .Check(string.IsNullOrWhiteSpace(status) || (!char.IsAsciiDigit(status.Trim()[0]) && Enum.TryParse(status.Trim(), ignoreCase: true, out filingStatus)
                && Enum.IsDefined(filingStatus)), "status", "备案状态无效")
            .ThrowIfInvalid();
        var user = await current.RequireAsync(ct);
        var ids = scope.IdsInScope(user);
        var q = db.Institutions.AsNoTracking().Where(i => ids.Contains(i.Id) && i.FilingStatus == filingStatus);
        if (region is not null)
        {
            var prefix = RegionCode.PrefixOf(region);
            q = q.Where(i => i.RegionCode.StartsWith(prefix));
        }

        var total = await q.CountAsync(ct);
        var rows = await q
            .Select(i => new
            {
                i.Id, i.Name, i.Kind, i.RegionCode, i.FilingStatus,
                SubmittedAt = db.FilingEvents.Where(e => e.InstitutionId == i.Id && e.Action == FilingAction.Submit).Max(e => (DateTime?)e.At),
                Submissions = db.FilingEvents.Count(e => e.InstitutionId == i.Id && e.Action == FilingAction.Submit),
            })
            .OrderBy(x => x.SubmittedAt == null).ThenBy(x => x.SubmittedAt).ThenBy(x => x.Name).ThenBy(x => x.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(ct);
        var codes = rows.SelectMany(r => new[] { r.RegionCode, r.RegionCode[..6] + "000000" }).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return new PagedResult<FilingQueueItem>(
            [.. rows.Select(r => new FilingQueueItem(r.Id, r.Name, RegistryNames.Kind(r.Kind), r.RegionCode,
                names.GetValueOrDefault(r.RegionCode[..6] + "000000", ""), names.GetValueOrDefault(r.RegionCode, r.RegionCode),
                r.FilingStatus.ToString(), FilingRules.StatusName(r.FilingStatus),
                r.SubmittedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null, r.Submissions))],
            total, page, pageSize);
    }
}
