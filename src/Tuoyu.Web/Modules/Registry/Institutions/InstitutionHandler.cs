using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Scope;

namespace Tuoyu.Web.Modules.Registry.Institutions;

/// <summary>Reading and changing institutions within the caller's scope (pages and API share it).</summary>
internal sealed class InstitutionHandler(AppDbContext db, IInstitutionScope scope, CurrentUser current)
{
    public Task<PagedResult<InstitutionSummary>> ListAsync(string? region, string? keyword, int page, int pageSize, CancellationToken ct) =>
        ListAsync(new InstitutionListQuery(region, Q: keyword, Page: page, PageSize: pageSize), ct);

    public async Task<PagedResult<InstitutionSummary>> ListAsync(InstitutionListQuery query, CancellationToken ct)
    {
        // An empty "region=" (the list page's form and its export link send one for 全部) means no filter; likewise kind= and filingStatus=.
        var region = string.IsNullOrWhiteSpace(query.Region) ? null : query.Region.Trim();
        var kindText = string.IsNullOrWhiteSpace(query.Kind) ? null : query.Kind;
        var statusText = string.IsNullOrWhiteSpace(query.FilingStatus) ? null : query.FilingStatus;
        var keyword = string.IsNullOrWhiteSpace(query.Q) ? null : query.Q.Trim();
        var kind = default(InstitutionKind);
        var status = default(FilingStatus);
        new Validate()
            .Check(query.Page >= 1, "page", "页码须大于等于1")
            .Check(query.PageSize is >= 1 and <= 200, "pageSize", "每页条数须在1到200之间")
            .Check(region is null || RegionCode.IsValid(region), "region", "区划代码应为12位数字")
            .Check(kindText is null || InstitutionRules.TryParseKind(kindText, out kind), "kind", "未知的机构类型")
            .Check(statusText is null || TryParseStatus(statusText, out status), "filingStatus", "未知的备案状态")
            .Optional("q", keyword, "关键字", 50)
            .ThrowIfInvalid();
        var user = await current.RequireAsync(ct);
        var ids = scope.IdsInScope(user);
        var q = db.Institutions.AsNoTracking().Where(i => ids.Contains(i.Id));
        if (region is not null)
        {
            var prefix = RegionCode.PrefixOf(region);
            q = q.Where(i => i.RegionCode.StartsWith(prefix));
        }

        if (kindText is not null) { q = q.Where(i => i.Kind == kind); }
        if (statusText is not null) { q = q.Where(i => i.FilingStatus == status); }
        if (query.Inclusive is { } inclusive) { q = q.Where(i => i.IsInclusive == inclusive); }
        if (keyword is not null) { q = q.Where(i => i.Name.Contains(keyword)); }
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(i => i.RegionCode).ThenBy(i => i.Name).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(i => new { i.Id, i.Name, i.Kind, i.Ownership, i.IsInclusive, i.RegionCode, i.RegisteredSlots, i.FilingStatus, i.CreditCode, i.ChainId, i.Services })
            .ToListAsync(ct);
        var codes = rows.Select(r => r.RegionCode).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var chainIds = rows.Where(r => r.ChainId is not null).Select(r => r.ChainId!.Value).Distinct().ToList();
        var chains = await db.Chains.AsNoTracking().Where(c => chainIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return new PagedResult<InstitutionSummary>(
            [.. rows.Select(r => new InstitutionSummary(r.Id, r.Name, RegistryNames.Kind(r.Kind), RegistryNames.Ownership(r.Ownership), r.IsInclusive,
                r.RegionCode, names.GetValueOrDefault(r.RegionCode, r.RegionCode), r.RegisteredSlots, RegistryNames.Filing(r.FilingStatus),
                r.Kind.ToString(), r.FilingStatus.ToString(), r.CreditCode, r.ChainId is { } c ? chains.GetValueOrDefault(c) : null,
                [.. CareServiceSet.Split(r.Services).Select(CareServiceSet.ChineseName)]))],
            total, query.Page, query.PageSize);
    }

    /// <summary>All matching institutions in scope as an Excel workbook (no paging; scope and filters still apply).</summary>
    public async Task<byte[]> ExportAsync(InstitutionListQuery query, CancellationToken ct)
    {
        var first = await ListAsync(query with { Page = 1, PageSize = 1 }, ct);
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        for (var page = 1; (page - 1) * 200 < first.Total; page++)
        {
            var chunk = await ListAsync(query with { Page = page, PageSize = 200 }, ct);
            var ids = chunk.Items.Select(i => i.Id).ToList();
            var extra = await db.Institutions.AsNoTracking().Where(i => ids.Contains(i.Id))
                .Select(i => new { i.Id, i.LegalRegistration, i.Address, i.ContactPhone, i.OpeningHours, i.FloorAreaSquareMetres, i.OutdoorAreaSquareMetres, i.InsuredUntil, i.EmployerName, i.KindergartenName, i.OpenedOn })
                .ToDictionaryAsync(i => i.Id, ct);
            rows.AddRange(chunk.Items.Select(i =>
            {
                var x = extra[i.Id];
                return (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
                {
                    ["机构名称"] = i.Name, ["统一社会信用代码"] = i.CreditCode, ["类型"] = i.Kind, ["性质"] = i.Ownership, ["普惠"] = i.IsInclusive ? "是" : "否",
                    ["法人登记"] = InstitutionRules.RegistrationName(x.LegalRegistration),
                    ["所在街道"] = i.RegionName, ["区划代码"] = i.RegionCode, ["地址"] = x.Address, ["联系电话"] = x.ContactPhone,
                    ["登记托位"] = i.RegisteredSlots, ["服务类型"] = string.Join("、", i.Services ?? []), ["开放时间"] = x.OpeningHours,
                    ["建筑面积（㎡）"] = x.FloorAreaSquareMetres, ["户外场地面积（㎡）"] = x.OutdoorAreaSquareMetres,
                    ["保险有效期至"] = x.InsuredUntil?.ToString("yyyy-MM-dd"), ["连锁品牌"] = i.ChainName,
                    ["举办单位"] = x.EmployerName, ["所属幼儿园"] = x.KindergartenName, ["开办日期"] = x.OpenedOn.ToString("yyyy-MM-dd"),
                    ["备案状态"] = i.FilingStatus,
                };
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
        var agreements = await (from a in db.MedicalAgreements.AsNoTracking()
                                join m in db.MedicalInstitutions.AsNoTracking() on a.MedicalInstitutionId equals m.Id
                                where a.InstitutionId == id
                                orderby a.SignedOn descending
                                select new MedicalAgreementSummary(a.Id, m.Name, a.SignedOn, a.RevokedOn)).ToListAsync(ct);
        var county = i.RegionCode[..6] + "000000";
        var regionNames = await db.Regions.AsNoTracking().Where(r => r.Code == i.RegionCode || r.Code == county).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var chain = i.ChainId is { } chainId ? await db.Chains.AsNoTracking().Where(c => c.Id == chainId).Select(c => c.Name).FirstOrDefaultAsync(ct) : null;
        return new InstitutionDetail(i.Id, i.Name, i.CreditCode, RegistryNames.Kind(i.Kind), RegistryNames.Ownership(i.Ownership), i.IsInclusive,
            i.RegionCode, i.Address, i.ContactPhone, i.RegisteredSlots, RegistryNames.Filing(i.FilingStatus), i.FiledOn, i.Grade,
            i.HasVideoSupervision, classes, i.Version)
        {
            KindCode = i.Kind.ToString(), OwnershipCode = i.Ownership.ToString(), PubliclyBuiltPrivatelyRun = i.PubliclyBuiltPrivatelyRun,
            LegalRegistration = InstitutionRules.RegistrationName(i.LegalRegistration), LegalRegistrationCode = i.LegalRegistration.ToString(),
            RegionName = string.Join(" ", new[] { county, i.RegionCode }.Select(c => regionNames.GetValueOrDefault(c)).Where(n => n is not null)),
            Latitude = i.Latitude, Longitude = i.Longitude,
            Services = [.. CareServiceSet.Split(i.Services).Select(CareServiceSet.ChineseName)],
            ServiceCodes = [.. CareServiceSet.Split(i.Services).Select(s => s.ToString())],
            OpeningHours = i.OpeningHours, FloorAreaSquareMetres = i.FloorAreaSquareMetres, OutdoorAreaSquareMetres = i.OutdoorAreaSquareMetres,
            InsuredUntil = i.InsuredUntil, Insurer = i.Insurer, ChainId = i.ChainId, ChainName = chain, EmployerName = i.EmployerName,
            KindergartenName = i.KindergartenName, OpenedOn = i.OpenedOn, FilingStatusCode = i.FilingStatus.ToString(), MedicalAgreements = agreements,
        };
    }

    /// <summary>
    /// The institution's own change history from the audit log (ADR 0017): only rows about this institution's record,
    /// newest first, at most <paramref name="take"/>. The regulator and the institution's admin who may read the institution
    /// may read this: it is their own register, not the audit log at large.
    /// </summary>
    public async Task<IReadOnlyList<InstitutionChange>> HistoryAsync(Guid id, int take, CancellationToken ct)
    {
        await LoadInScopeAsync(id, ct);
        // Who changed the register and when is for the register's keepers: the regulator and the institution's admin,
        // not its staff or a signed medical institution (they read the record, not its account names).
        if (!CanReadHistory(await current.RequireAsync(ct))) { throw new ForbiddenException("变更记录仅监管部门和机构负责人可查看"); }
        var key = id.ToString();
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Institution) && a.EntityId == key && (a.Action == "create" || a.Action == "update" || a.Action == "delete"))
            .OrderByDescending(a => a.Id).Take(Math.Clamp(take, 1, 200))
            .Select(a => new { a.At, a.UserName, a.Action, a.Summary }).ToListAsync(ct);
        // A class change moves only the version on (ADR 0014): such rows say nothing about the record itself.
        return [.. rows.Select(r => new InstitutionChange(DateTime.SpecifyKind(r.At, DateTimeKind.Utc), r.UserName, r.Action, InstitutionHistory.Parse(r.Action, r.Summary)))
            .Where(c => c.Action != "update" || c.Changes.Count > 0)];
    }

    public static bool CanReadHistory(UserContext user) => user.Kind is Identity.Contracts.UserKind.Regulator or Identity.Contracts.UserKind.InstitutionAdmin;

    /// <summary>Every chain (连锁品牌), with how many institutions in the caller's scope belong to it: for a picker.</summary>
    public async Task<IReadOnlyList<ChainSummary>> ChainsAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var ids = scope.IdsInScope(user);
        var counts = await db.Institutions.AsNoTracking().Where(i => i.ChainId != null && ids.Contains(i.Id))
            .GroupBy(i => i.ChainId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var chains = await db.Chains.AsNoTracking().Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        return [.. chains.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new ChainSummary(c.Id, c.Name, counts.GetValueOrDefault(c.Id)))];
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

    private static bool TryParseStatus(string value, out FilingStatus status)
    {
        status = default;
        var v = value.Trim();
        foreach (var s in Enum.GetValues<FilingStatus>())
        {
            if (string.Equals(s.ToString(), v, StringComparison.OrdinalIgnoreCase) || FilingRules.StatusName(s) == v)
            {
                status = s;
                return true;
            }
        }

        return false;
    }

    private async Task<Institution> LoadInScopeAsync(Guid id, CancellationToken ct, bool tracked = false) =>
        (await db.LoadInstitutionInScopeAsync(scope, current, id, tracked, ct)).Institution;
}

/// <summary>Turns the audit interceptor's JSON summary of an institution row into labelled field changes.</summary>
internal static class InstitutionHistory
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["Name"] = "机构名称", ["CreditCode"] = "统一社会信用代码", ["Kind"] = "机构类型", ["Ownership"] = "举办性质", ["IsInclusive"] = "普惠",
        ["RegionCode"] = "所在街道", ["Address"] = "地址", ["ContactPhone"] = "联系电话", ["Latitude"] = "纬度", ["Longitude"] = "经度",
        ["RegisteredSlots"] = "登记托位", ["FilingStatus"] = "备案状态", ["FiledOn"] = "备案日期", ["OpenedOn"] = "开办日期", ["Grade"] = "等级",
        ["HasVideoSupervision"] = "云监管", ["LegalRegistration"] = "法人登记", ["PubliclyBuiltPrivatelyRun"] = "公建民营", ["Services"] = "服务类型",
        ["OpeningHours"] = "开放时间", ["FloorAreaSquareMetres"] = "建筑面积", ["OutdoorAreaSquareMetres"] = "户外场地面积",
        ["InsuredUntil"] = "保险有效期至", ["Insurer"] = "承保机构", ["ChainId"] = "连锁品牌", ["EmployerName"] = "举办单位", ["KindergartenName"] = "所属幼儿园",
    };

    public static IReadOnlyList<FieldChange> Parse(string action, string? summary)
    {
        if (string.IsNullOrEmpty(summary)) { return []; }
        var changes = new List<FieldChange>();
        using var doc = JsonDocument.Parse(summary);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            // The version moves on with every save; it is bookkeeping, not a change anyone made.
            if (p.Name == nameof(Institution.Version)) { continue; }
            var label = Labels.GetValueOrDefault(p.Name, p.Name);
            if (action == "update" && p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() == 2)
            {
                changes.Add(new FieldChange(p.Name, label, Show(p.Name, p.Value[0]), Show(p.Name, p.Value[1])));
            }
            else if (p.Value.ValueKind != JsonValueKind.Null)
            {
                changes.Add(action == "delete" ? new FieldChange(p.Name, label, Show(p.Name, p.Value), null) : new FieldChange(p.Name, label, null, Show(p.Name, p.Value)));
            }
        }

        return changes;
    }

    private static string? Show(string field, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String) { return value.ValueKind == JsonValueKind.Null ? null : value.ToString(); }
        var text = value.GetString()!;
        return field switch
        {
            "Kind" when InstitutionRules.TryParseKind(text, out var k) => InstitutionRules.KindName(k),
            "Ownership" when InstitutionRules.TryParseOwnership(text, out var o) => InstitutionRules.OwnershipName(o),
            "LegalRegistration" when Enum.TryParse<LegalRegistration>(text, out var r) => InstitutionRules.RegistrationName(r),
            "FilingStatus" when Enum.TryParse<FilingStatus>(text, out var s) => FilingRules.StatusName(s),
            "Services" when Enum.TryParse<CareServices>(text, out var c) => c == CareServices.None ? "无" : string.Join("、", CareServiceSet.Split(c).Select(CareServiceSet.ChineseName)),
            "IsInclusive" or "HasVideoSupervision" or "PubliclyBuiltPrivatelyRun" => text == "True" ? "是" : text == "False" ? "否" : text,
            // The log writes dates as yyyy-MM-dd (rows from before that fix: MM/dd/yyyy); both parse.
            "OpenedOn" or "FiledOn" or "InsuredUntil" when DateOnly.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            _ => text,
        };
    }
}

internal static class RegistryNames
{
    public static string Kind(InstitutionKind k) => InstitutionRules.KindName(k);

    public static string Ownership(Ownership o) => InstitutionRules.OwnershipName(o);

    public static string Filing(FilingStatus s) => FilingRules.StatusName(s);
}
