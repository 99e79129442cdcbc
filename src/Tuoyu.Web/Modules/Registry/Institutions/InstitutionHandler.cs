using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Registry.Domain;

namespace Tuoyu.Web.Modules.Registry.Institutions;

/// <summary>Reading and changing institutions within the caller's scope (pages and API share it).</summary>
internal sealed class InstitutionHandler(AppDbContext db, IInstitutionScope scope, CurrentUser current)
{
    public async Task<PagedResult<InstitutionSummary>> ListAsync(string? region, string? keyword, int page, int pageSize, CancellationToken ct)
    {
        // An empty "region=" (the list page's form and its export link send one for 全部) means no filter.
        if (string.IsNullOrWhiteSpace(region)) { region = null; }
        var v = new Validate()
            .Check(page >= 1, "page", "页码须大于等于1")
            .Check(pageSize is >= 1 and <= 200, "pageSize", "每页条数须在1到200之间")
            .Check(region is null || RegionCode.IsValid(region), "region", "区划代码应为12位数字")
            .Optional("keyword", keyword, "关键字", 50);
        v.ThrowIfInvalid();
        var user = await current.RequireAsync(ct);
        var ids = scope.IdsInScope(user);
        var q = db.Institutions.AsNoTracking().Where(i => ids.Contains(i.Id));
        if (region is not null)
        {
            var prefix = RegionCode.PrefixOf(region);
            q = q.Where(i => i.RegionCode.StartsWith(prefix));
        }

        if (!string.IsNullOrWhiteSpace(keyword)) { q = q.Where(i => i.Name.Contains(keyword.Trim())); }
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(i => i.RegionCode).ThenBy(i => i.Name).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(i => new { i.Id, i.Name, i.Kind, i.Ownership, i.IsInclusive, i.RegionCode, i.RegisteredSlots, i.FilingStatus })
            .ToListAsync(ct);
        var codes = rows.Select(r => r.RegionCode).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return new PagedResult<InstitutionSummary>(
            [.. rows.Select(r => new InstitutionSummary(r.Id, r.Name, RegistryNames.Kind(r.Kind), RegistryNames.Ownership(r.Ownership), r.IsInclusive,
                r.RegionCode, names.GetValueOrDefault(r.RegionCode, r.RegionCode), r.RegisteredSlots, RegistryNames.Filing(r.FilingStatus)))],
            total, page, pageSize);
    }

    /// <summary>All matching institutions in scope as an Excel workbook (no paging; scope still applies).</summary>
    public async Task<byte[]> ExportAsync(string? region, string? keyword, CancellationToken ct)
    {
        var first = await ListAsync(region, keyword, 1, 1, ct);
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        for (var page = 1; (page - 1) * 200 < first.Total; page++)
        {
            var chunk = await ListAsync(region, keyword, page, 200, ct);
            rows.AddRange(chunk.Items.Select(i => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["机构名称"] = i.Name, ["类型"] = i.Kind, ["性质"] = i.Ownership, ["普惠"] = i.IsInclusive ? "是" : "否",
                ["所在街道"] = i.RegionName, ["区划代码"] = i.RegionCode, ["登记托位"] = i.RegisteredSlots, ["备案状态"] = i.FilingStatus,
            }));
        }

        return await Common.Ui.ExcelExport.ToXlsxAsync(rows, "托育机构", ct);
    }

    public async Task<InstitutionDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var i = await LoadInScopeAsync(id, ct);
        var rows = await db.Classes.AsNoTracking().Where(c => c.InstitutionId == id).OrderBy(c => c.Type).ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.Type, c.Capacity }).ToListAsync(ct);
        var classes = rows.Select(c => new ClassSummary(c.Id, c.Name, ClassTypes.ChineseName(c.Type), c.Capacity,
            ClassTypes.AgeRangeText(c.Type), ClassTypes.IsUnderTwo(c.Type))).ToList();
        return new InstitutionDetail(i.Id, i.Name, i.CreditCode, RegistryNames.Kind(i.Kind), RegistryNames.Ownership(i.Ownership), i.IsInclusive,
            i.RegionCode, i.Address, i.ContactPhone, i.RegisteredSlots, RegistryNames.Filing(i.FilingStatus), i.FiledOn, i.Grade,
            i.HasVideoSupervision, classes, i.Version);
    }

    public async Task<InstitutionDetail> UpdateContactAsync(Guid id, UpdateContactRequest request, CancellationToken ct)
    {
        new Validate()
            .Require("contactPhone", request.ContactPhone, "联系电话", 30)
            .Check(request.ContactPhone is null || request.ContactPhone.All(c => char.IsAsciiDigit(c) || c == '-'), "contactPhone", "联系电话只能包含数字和短横线")
            .Check(request.Version is not null, "version", "缺少版本号")
            .ThrowIfInvalid();
        var i = await LoadInScopeAsync(id, ct, tracked: true);
        db.Entry(i).Property(x => x.Version).OriginalValue = request.Version!.Value;
        i.ContactPhone = request.ContactPhone!.Trim();
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    private async Task<Institution> LoadInScopeAsync(Guid id, CancellationToken ct, bool tracked = false)
    {
        var user = await current.RequireAsync(ct);
        var q = tracked ? db.Institutions : db.Institutions.AsNoTracking();
        var institution = await q.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("机构");
        // Institutions are public records, so their existence is not private: outside scope is 403.
        if (!await scope.IdsInScope(user).AnyAsync(x => x == id, ct)) { throw new ForbiddenException("该机构不在您的管辖范围内"); }
        return institution;
    }
}

internal static class RegistryNames
{
    public static string Kind(InstitutionKind k) => k switch
    {
        InstitutionKind.ServiceCenter => "托育综合服务中心",
        InstitutionKind.Standalone => "托育机构",
        InstitutionKind.CommunityEmbedded => "社区嵌入式托育",
        InstitutionKind.KindergartenClass => "幼儿园托班",
        InstitutionKind.EmployerRun => "用人单位办托",
        InstitutionKind.FamilyPoint => "家庭托育点",
        InstitutionKind.CareStation => "婴幼儿照护服务驿站",
        _ => k.ToString(),
    };

    public static string Ownership(Ownership o) => o == Domain.Ownership.Public ? "公办" : "民办";

    public static string Filing(FilingStatus s) => FilingRules.StatusName(s);
}
