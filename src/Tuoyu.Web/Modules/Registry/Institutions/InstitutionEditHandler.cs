using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Scope;

namespace Tuoyu.Web.Modules.Registry.Institutions;

/// <summary>What kind of refusal a check produced: 400, 403 or 409 for the API, a row error for the import.</summary>
internal enum ProblemKind
{
    Invalid,
    Forbidden,
    Conflict,
}

internal sealed record RecordProblem(ProblemKind Kind, string Field, string Message, string? Code = null);

/// <summary>
/// 登记机构 and 修改机构信息 (issue #3 item 1, ADR 0017). Creation is a regulator's act inside its own region; an edit by a
/// regulator may change everything except the credit code of a filed institution, an edit by the institution's admin only
/// its operating details (<see cref="AdminFields"/>). Checks run 400 (fields) → 403 (scope) → 409 (rules), as elsewhere.
/// </summary>
internal sealed class InstitutionEditHandler(AppDbContext db, IInstitutionScope scope, CurrentUser current, InstitutionHandler reader)
{
    /// <summary>The fields an institution's own admin may change: how it operates, not what was registered (ADR 0017).</summary>
    public static readonly IReadOnlySet<string> AdminFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "contactPhone", "services", "openingHours", "floorAreaSquareMetres", "outdoorAreaSquareMetres", "insuredUntil", "insurer",
    };

    public async Task<InstitutionDetail> CreateAsync(InstitutionRequest request, CancellationToken ct)
    {
        var (values, errors) = InstitutionValidator.Check(request);
        if (errors.Count > 0) { throw new ValidationFailedException(errors); }
        var user = await current.RequireAsync(ct);
        Throw(await CheckReferencesAsync(values, user, existingId: null, ct));
        var institution = new Institution
        {
            Id = Guid.NewGuid(), Name = values.Name, CreditCode = values.CreditCode, RegionCode = values.RegionCode, Address = values.Address,
            FilingStatus = FilingStatus.NotFiled,
        };
        await ApplyAsync(institution, values, ct);
        db.Institutions.Add(institution);
        await SaveAsync(values.CreditCode, institution.Id, ct);
        return await reader.GetAsync(institution.Id, ct);
    }

    public async Task<InstitutionDetail> UpdateAsync(Guid id, InstitutionRequest request, CancellationToken ct)
    {
        var (user, institution) = await db.LoadInstitutionInScopeAsync(scope, current, id, tracked: true, ct);
        var regulator = user.Kind == UserKind.Regulator;
        if (!regulator)
        {
            var chainName = institution.ChainId is { } c ? await db.Chains.Where(x => x.Id == c).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
            var changed = ChangedRegisteredFields(request, institution, chainName);
            if (changed.Count > 0)
            {
                throw new ForbiddenException($"登记信息（{string.Join("、", changed)}）须由监管部门修改，机构只能修改联系电话、服务类型、开放时间、面积和保险信息");
            }

            request = KeepRegistered(request, institution);
        }

        var (values, errors) = InstitutionValidator.Check(request);
        // Fields the admin cannot change keep what is stored, even where older rows fall short of today's rules.
        var relevant = errors.Where(e => regulator || AdminFields.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value);
        if (request.Version is null) { relevant["version"] = ["缺少版本号"]; }
        if (relevant.Count > 0) { throw new ValidationFailedException(relevant); }

        if (regulator)
        {
            var problems = await CheckReferencesAsync(values, user, id, ct, checkRegion: values.RegionCode != institution.RegionCode);
            if (values.CreditCode != institution.CreditCode && institution.FilingStatus == FilingStatus.Filed)
            {
                problems.Add(new RecordProblem(ProblemKind.Conflict, "creditCode", "已备案机构不能修改统一社会信用代码，请先办理备案变更", InstitutionRules.CreditCodeLocked));
            }

            Throw(problems);
        }

        // ADR 0014: the institution was read before its classes, and its version guards them.
        var classes = await db.Classes.AsNoTracking().Where(c => c.InstitutionId == id).SumAsync(c => c.Capacity, ct);
        if (ClassRules.CheckSlotsCoverClasses(values.RegisteredSlots, classes) is { } breach) { throw new RuleViolationException(breach.Code, breach.Message); }

        db.Entry(institution).Property(i => i.Version).OriginalValue = request.Version!.Value;
        institution.Name = values.Name;
        institution.CreditCode = values.CreditCode;
        institution.RegionCode = values.RegionCode;
        institution.Address = values.Address;
        await ApplyAsync(institution, values, ct);
        db.Entry(institution).Property(i => i.Version).IsModified = true;
        await SaveAsync(values.CreditCode, id, ct);
        return await reader.GetAsync(id, ct);
    }

    /// <summary>
    /// The checks that need the database, as problems rather than exceptions (the import reports them per row): the street
    /// exists, lies in the caller's region, the chain exists, the credit code is free.
    /// </summary>
    public async Task<List<RecordProblem>> CheckReferencesAsync(InstitutionValues values, UserContext user, Guid? existingId, CancellationToken ct, bool checkRegion = true)
    {
        var problems = new List<RecordProblem>();
        if (checkRegion)
        {
            if (!await db.Regions.AsNoTracking().AnyAsync(r => r.Code == values.RegionCode && r.Level == RegionLevel.Street, ct))
            {
                problems.Add(new RecordProblem(ProblemKind.Invalid, "regionCode", $"区划代码{values.RegionCode}不是已知的乡镇（街道）"));
            }
            else if (!user.CoversRegion(values.RegionCode))
            {
                problems.Add(new RecordProblem(ProblemKind.Forbidden, "regionCode", "该街道不在您的管辖范围内"));
            }
        }

        if (values.ChainId is { } chainId && !await db.Chains.AsNoTracking().AnyAsync(c => c.Id == chainId, ct))
        {
            problems.Add(new RecordProblem(ProblemKind.Invalid, "chainId", "连锁品牌不存在"));
        }

        if (await db.Institutions.AsNoTracking().AnyAsync(i => i.CreditCode == values.CreditCode && i.Id != existingId, ct))
        {
            problems.Add(new RecordProblem(ProblemKind.Conflict, "creditCode", $"统一社会信用代码{values.CreditCode}已被其他机构登记", InstitutionRules.CreditCodeTaken));
        }

        return problems;
    }

    /// <summary>Copies the fields shared by create and edit; a new chain name finds or adds the chain (not yet saved).</summary>
    public async Task ApplyAsync(Institution i, InstitutionValues v, CancellationToken ct)
    {
        i.Kind = v.Kind;
        i.Ownership = v.Ownership;
        i.PubliclyBuiltPrivatelyRun = v.PubliclyBuiltPrivatelyRun;
        i.LegalRegistration = v.LegalRegistration;
        i.Latitude = v.Latitude;
        i.Longitude = v.Longitude;
        i.ContactPhone = v.ContactPhone;
        i.Services = v.Services;
        i.OpeningHours = v.OpeningHours;
        i.RegisteredSlots = v.RegisteredSlots;
        i.FloorAreaSquareMetres = v.FloorAreaSquareMetres;
        i.OutdoorAreaSquareMetres = v.OutdoorAreaSquareMetres;
        i.InsuredUntil = v.InsuredUntil;
        i.Insurer = v.Insurer;
        i.HasVideoSupervision = v.HasVideoSupervision;
        i.EmployerName = v.EmployerName;
        i.KindergartenName = v.KindergartenName;
        i.OpenedOn = v.OpenedOn;
        i.ChainId = v.ChainName is { } name ? (await FindOrAddChainAsync(name, ct)).Id : v.ChainId;
    }

    private async Task<InstitutionChain> FindOrAddChainAsync(string name, CancellationToken ct)
    {
        var local = db.Chains.Local.FirstOrDefault(c => c.Name == name);
        if (local is not null) { return local; }
        var chain = await db.Chains.FirstOrDefaultAsync(c => c.Name == name, ct);
        if (chain is null)
        {
            chain = new InstitutionChain { Id = Guid.NewGuid(), Name = name };
            db.Chains.Add(chain);
        }

        return chain;
    }

    /// <summary>Saves; a concurrent insert of the same credit code (the unique index) is a 409 like the check before it.</summary>
    private async Task SaveAsync(string creditCode, Guid id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            if (await db.Institutions.AsNoTracking().AnyAsync(i => i.CreditCode == creditCode && i.Id != id, ct))
            {
                throw new RuleViolationException(InstitutionRules.CreditCodeTaken, $"统一社会信用代码{creditCode}已被其他机构登记");
            }

            throw;
        }
    }

    private static void Throw(List<RecordProblem> problems)
    {
        var invalid = problems.Where(p => p.Kind == ProblemKind.Invalid).ToList();
        if (invalid.Count > 0) { throw new ValidationFailedException(invalid.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray())); }
        if (problems.FirstOrDefault(p => p.Kind == ProblemKind.Forbidden) is { } forbidden) { throw new ForbiddenException(forbidden.Message); }
        if (problems.FirstOrDefault(p => p.Kind == ProblemKind.Conflict) is { } conflict) { throw new RuleViolationException(conflict.Code!, conflict.Message); }
    }

    /// <summary>The registered fields an admin's request would change (null means "keep"), by Chinese label.</summary>
    private static List<string> ChangedRegisteredFields(InstitutionRequest r, Institution i, string? chainName)
    {
        var changed = new List<string>();
        void If(bool differs, string label) { if (differs) { changed.Add(label); } }
        static bool Text(string? sent, string? stored) => sent is not null && !string.Equals(sent.Trim(), stored ?? string.Empty, StringComparison.Ordinal);
        If(Text(r.Name, i.Name), "机构名称");
        If(r.CreditCode is not null && !string.Equals(r.CreditCode.Trim(), i.CreditCode, StringComparison.OrdinalIgnoreCase), "统一社会信用代码");
        If(r.Kind is not null && !(InstitutionRules.TryParseKind(r.Kind, out var k) && k == i.Kind), "机构类型");
        If(r.Ownership is not null && !(InstitutionRules.TryParseOwnership(r.Ownership, out var o) && o == i.Ownership), "举办性质");
        If(r.PubliclyBuiltPrivatelyRun is { } p && p != i.PubliclyBuiltPrivatelyRun, "公建民营");
        If(r.LegalRegistration is not null && !(InstitutionRules.TryParseRegistration(r.LegalRegistration, out var l) && l == i.LegalRegistration), "法人登记");
        If(Text(r.RegionCode, i.RegionCode), "所在街道");
        If(Text(r.Address, i.Address), "地址");
        If(r.Latitude is { } lat && lat != i.Latitude, "纬度");
        If(r.Longitude is { } lng && lng != i.Longitude, "经度");
        If(r.RegisteredSlots is { } slots && slots != i.RegisteredSlots, "登记托位");
        If(r.HasVideoSupervision is { } video && video != i.HasVideoSupervision, "云监管");
        If(r.ChainId is { } chain && chain != i.ChainId, "连锁品牌");
        If(!string.IsNullOrWhiteSpace(r.ChainName) && r.ChainName.Trim() != chainName, "连锁品牌");
        If(!string.IsNullOrWhiteSpace(r.EmployerName) && r.EmployerName.Trim() != i.EmployerName, "举办单位");
        If(!string.IsNullOrWhiteSpace(r.KindergartenName) && r.KindergartenName.Trim() != i.KindergartenName, "所属幼儿园");
        If(r.OpenedOn is { } opened && opened != i.OpenedOn, "开办日期");
        return [.. changed.Distinct()];
    }

    /// <summary>The admin's request with every registered field taken from the stored record.</summary>
    private static InstitutionRequest KeepRegistered(InstitutionRequest r, Institution i) => r with
    {
        Name = i.Name, CreditCode = i.CreditCode, Kind = i.Kind.ToString(), Ownership = i.Ownership.ToString(),
        PubliclyBuiltPrivatelyRun = i.PubliclyBuiltPrivatelyRun,
        LegalRegistration = i.LegalRegistration == LegalRegistration.Unknown ? null : i.LegalRegistration.ToString(),
        RegionCode = i.RegionCode, Address = i.Address, Latitude = i.Latitude, Longitude = i.Longitude, RegisteredSlots = i.RegisteredSlots,
        HasVideoSupervision = i.HasVideoSupervision, ChainId = i.ChainId, ChainName = null, EmployerName = i.EmployerName,
        KindergartenName = i.KindergartenName, OpenedOn = i.OpenedOn,
    };
}
