using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Subsidies.Domain;

namespace Tuoyu.Web.Modules.Subsidies.Rules;

/// <summary>
/// Subsidy rules as data (issue #5 item 1, ADR 0028): list the rules that apply to a region (its own and inherited),
/// add a rule (a county's top-up) or a new version (a city changes its amounts) — never an edit of a version a batch used.
/// </summary>
internal sealed class RuleHandler(AppDbContext db, CurrentUser current, IInstitutionStatusHistory institutions, TimeProvider clock)
{
    public async Task<IReadOnlyList<RuleDto>> ListAsync(string? region, DateOnly? on, bool all, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var code = region?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            code = user.RegionCode ?? (user.InstitutionId is { } inst
                ? await institutions.References().Where(i => i.Id == inst).Select(i => i.RegionCode).FirstOrDefaultAsync(ct) : null);
        }

        if (code is null || !RegionCode.IsValid(code)) { throw ValidationFailedException.For("region", "请填写12位行政区划代码"); }
        var day = on ?? ChinaTime.Today(clock);
        var rules = await RulesCoveringAsync(db, code, ct);
        var ids = rules.Select(r => r.Id).ToList();
        var versions = (await db.SubsidyRuleVersions.AsNoTracking().Where(v => ids.Contains(v.RuleId)).ToListAsync(ct)).ToLookup(v => v.RuleId);
        return rules
            .Select(r => ToDto(r, versions[r.Id].OrderByDescending(v => v.Number).ToList(), day))
            .Where(r => all || r.InForce is not null)
            .OrderByDescending(r => r.JurisdictionRegionCode.Length - r.JurisdictionRegionCode.TrimEnd('0').Length)
            .ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Rules whose jurisdiction is <paramref name="code"/> or one of its ancestors.</summary>
    public static async Task<List<SubsidyRule>> RulesCoveringAsync(AppDbContext db, string code, CancellationToken ct)
    {
        var ancestors = Ancestors(code);
        return await db.SubsidyRules.AsNoTracking().Where(r => ancestors.Contains(r.JurisdictionRegionCode)).ToListAsync(ct);
    }

    /// <summary>The code itself and every ancestor's 12-digit code (street → county → city → province).</summary>
    public static List<string> Ancestors(string code)
    {
        var list = new List<string> { code };
        foreach (var digits in new[] { 9, 6, 4, 2 })
        {
            var a = code[..digits].PadRight(12, '0');
            if (!list.Contains(a)) { list.Add(a); }
        }

        return list;
    }

    public async Task<RuleDto> CreateAsync(NewRuleRequest r, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var v = new Validate()
            .Require("code", r.Code, "规则代码", SubsidyRule.CodeMaxLength)
            .Require("name", r.Name, "规则名称", SubsidyRule.NameMaxLength)
            .Check(RegionCode.IsValid(r.JurisdictionRegionCode), "jurisdictionRegionCode", "请填写12位行政区划代码")
            .Check(Enum.TryParse<SubsidyKind>(r.Kind, true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(r.Kind, out _), "kind", "补助类型应为 MonthlyPerChild、OneTimePerSlot 或 OneTimePerChild")
            .Check(r.Version is not null, "version", "缺少规则版本");
        v.Check(r.Code is null || r.Code.Trim().All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'), "code", "规则代码只能包含小写字母、数字和连字符");
        v.ThrowIfInvalid();
        var jurisdiction = r.JurisdictionRegionCode!;
        RequireAuthority(user, jurisdiction);
        var code = r.Code!.Trim();
        if (await db.SubsidyRules.AnyAsync(x => x.Code == code, ct)) { throw new RuleViolationException("subsidy.rule_exists", "规则代码已存在"); }
        var now = clock.GetUtcNow().UtcDateTime;
        var rule = new SubsidyRule
        {
            Id = Guid.CreateVersion7(), Code = code, Name = r.Name!.Trim(), JurisdictionRegionCode = jurisdiction, Kind = kind,
            CreatedAt = now, CreatedByUserId = user.Id,
        };
        var version = ParseVersion(r.Version!, rule, 1, user, now);
        db.SubsidyRules.Add(rule);
        db.SubsidyRuleVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return ToDto(rule, [version], ChinaTime.Today(clock));
    }

    public async Task<RuleDto> AddVersionAsync(Guid ruleId, RuleVersionRequest r, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var rule = await db.SubsidyRules.AsNoTracking().FirstOrDefaultAsync(x => x.Id == ruleId, ct) ?? throw new NotFoundException("补助规则");
        RequireAuthority(user, rule.JurisdictionRegionCode);
        var versions = await db.SubsidyRuleVersions.AsNoTracking().Where(x => x.RuleId == ruleId).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var version = ParseVersion(r, rule, versions.Max(x => x.Number) + 1, user, now);
        db.SubsidyRuleVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            throw new RuleViolationException("subsidy.version_conflict", "该规则刚刚新增了版本，请刷新后重试");
        }

        versions.Add(version);
        return ToDto(rule, versions.OrderByDescending(x => x.Number).ToList(), ChinaTime.Today(clock));
    }

    /// <summary>A county-level or higher regulator, for a jurisdiction within its own region.</summary>
    private static void RequireAuthority(UserContext user, string jurisdiction)
    {
        if (user.Kind != UserKind.Regulator || user.RegionCode is not { } own || RegionCode.LevelOf(own) > RegionLevel.County)
        {
            throw new ForbiddenException("只有区县级及以上卫生健康部门可以制定补助规则");
        }

        if (!RegionCode.IsWithin(jurisdiction, own)) { throw new ForbiddenException("只能为本辖区制定补助规则"); }
    }

    private static SubsidyRuleVersion ParseVersion(RuleVersionRequest r, SubsidyRule rule, int number, UserContext user, DateTime now)
    {
        var v = new Validate()
            .Check(r.EffectiveFrom is not null, "version.effectiveFrom", "请填写生效日期")
            .Check(r.EffectiveTo is null || r.EffectiveFrom is null || r.EffectiveTo >= r.EffectiveFrom, "version.effectiveTo", "失效日期不能早于生效日期")
            .Require("version.sourceDocument", r.SourceDocument, "政策文号", SubsidyRuleVersion.SourceMaxLength)
            .Require("version.sourceClause", r.SourceClause, "条款", SubsidyRuleVersion.ClauseMaxLength)
            .Check(r.MinimumAttendedDays is null or (>= 0 and <= 31), "version.minimumAttendedDays", "最少出勤天数应为0–31");
        foreach (var (field, value) in new[] { ("infantFen", r.InfantFen), ("toddlerFen", r.ToddlerFen), ("preschoolFen", r.PreschoolFen), ("mixedFen", r.MixedFen), ("oneTimeFen", r.OneTimeFen), ("capFen", r.CapFen) })
        {
            // 1,000,000 元 per line is far above any amount the seeds name; a larger figure is a typo in fen.
            v.Check(value is null or (>= 0 and <= 100_000_000), "version." + field, "金额（分）应为0至100000000之间的整数");
        }

        if (rule.Kind == SubsidyKind.MonthlyPerChild)
        {
            v.Check(new[] { r.InfantFen, r.ToddlerFen, r.PreschoolFen, r.MixedFen }.Any(x => x is > 0), "version.infantFen", "按月补助须至少为一种班级类型设定金额");
        }
        else
        {
            v.Check(r.OneTimeFen is > 0, "version.oneTimeFen", "一次性补助须设定金额");
        }

        var services = CareServices.FullDay | CareServices.HalfDay;
        if (r.EligibleServices is { Length: > 0 } names)
        {
            services = CareServices.None;
            foreach (var name in names)
            {
                if (Enum.TryParse<CareServices>(name, true, out var s) && CareServiceSet.IsSingle(s) && !int.TryParse(name, out _)) { services |= s; }
                else { v.Add("version.eligibleServices", $"无法识别的服务类型：{name}"); }
            }
        }

        var classChange = ParseEnum(v, r.ClassChange, ClassChangeRule.MostEnrolledDays, "version.classChange");
        var statusChange = ParseEnum(v, r.StatusChange, StatusChangeRule.AttendedOnEligibleDay, "version.statusChange");
        var moved = ParseEnum(v, r.MovedChild, MovedChildRule.MostEnrolledDays, "version.movedChild");
        v.ThrowIfInvalid();
        return new SubsidyRuleVersion
        {
            Id = Guid.CreateVersion7(), RuleId = rule.Id, Number = number, EffectiveFrom = r.EffectiveFrom!.Value, EffectiveTo = r.EffectiveTo,
            SourceDocument = r.SourceDocument!.Trim(), SourceClause = r.SourceClause!.Trim(),
            InfantFen = r.InfantFen, ToddlerFen = r.ToddlerFen, PreschoolFen = r.PreschoolFen, MixedFen = r.MixedFen, OneTimeFen = r.OneTimeFen, CapFen = r.CapFen,
            RequiresInclusive = r.RequiresInclusive ?? true, RequiresFiling = r.RequiresFiling ?? true, RequiresPrivate = r.RequiresPrivate ?? false,
            ChildBornAfter = r.ChildBornAfter, MinimumBirthOrder = r.MinimumBirthOrder, RequiresLocalHukou = r.RequiresLocalHukou ?? false,
            EligibleServices = services, ClassChange = classChange, MinimumAttendedDays = r.MinimumAttendedDays ?? 1,
            ProrateByEnrolledDays = r.ProrateByEnrolledDays ?? false, StatusChange = statusChange, MovedChild = moved,
            CreatedAt = now, CreatedByUserId = user.Id,
        };
    }

    private static T ParseEnum<T>(Validate v, string? text, T fallback, string field)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) { return fallback; }
        if (Enum.TryParse<T>(text, true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _)) { return value; }
        v.Add(field, $"无法识别的取值：{text}");
        return fallback;
    }

    public static string KindName(SubsidyKind kind) => kind switch
    {
        SubsidyKind.MonthlyPerChild => "按月按人",
        SubsidyKind.OneTimePerSlot => "一次性按托位",
        SubsidyKind.OneTimePerChild => "一次性按人",
        _ => kind.ToString(),
    };

    /// <summary>The version in force on a day: the highest-numbered one whose period covers it (ADR 0028).</summary>
    public static SubsidyRuleVersion? InForce(IEnumerable<SubsidyRuleVersion> versions, DateOnly day) =>
        versions.Where(v => v.InForceOn(day)).MaxBy(v => v.Number);

    private static RuleDto ToDto(SubsidyRule r, IReadOnlyList<SubsidyRuleVersion> versions, DateOnly day) =>
        new(r.Id, r.Code, r.Name, r.JurisdictionRegionCode, r.Kind.ToString(), KindName(r.Kind),
            InForce(versions, day) is { } v ? ToDto(v) : null, versions.Select(ToDto).ToList());

    private static RuleVersionDto ToDto(SubsidyRuleVersion v) => new(
        v.Id, v.Number, v.EffectiveFrom, v.EffectiveTo, v.SourceDocument, v.SourceClause, v.InfantFen, v.ToddlerFen, v.PreschoolFen,
        v.MixedFen, v.OneTimeFen, v.CapFen, v.RequiresInclusive, v.RequiresFiling, v.RequiresPrivate, v.ChildBornAfter, v.MinimumBirthOrder,
        v.RequiresLocalHukou, CareServiceSet.Split(v.EligibleServices).Select(s => s.ToString()).ToArray(), v.ClassChange.ToString(),
        v.MinimumAttendedDays, v.ProrateByEnrolledDays, v.StatusChange.ToString(), v.MovedChild.ToString());
}
