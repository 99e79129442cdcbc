using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Common.Rules;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Registry.Fees;

/// <summary>
/// 普惠收费指导价 (ADR 0018): anyone who reads institutions reads them (they are published price policy); a regulator of
/// county level or above sets and changes them for its own region only (the price authority of a 区县 or 市, national
/// opinions 六 "通过设置参考区间加强引导"; a street office sets no prices). Overlapping ranges for the same region, service
/// and class type are refused (409 registry.fee_guideline_overlap), so the resolver never has to choose between equals.
/// </summary>
internal sealed class FeeGuidelineHandler(AppDbContext db, CurrentUser current, TimeProvider clock)
{
    public async Task<IReadOnlyList<FeeGuidelineDto>> ListAsync(string? region, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(region)) { region = null; }
        new Validate().Check(region is null || RegionCode.IsValid(region), "region", "区划代码应为12位数字").ThrowIfInvalid();
        var q = db.FeeGuidelines.AsNoTracking();
        if (region is not null)
        {
            // The region's own ranges, those above it (which apply to it) and those below it.
            var covering = FeeRules.CoveringCodes(region);
            var prefix = RegionCode.PrefixOf(region);
            q = q.Where(g => covering.Contains(g.RegionCode) || g.RegionCode.StartsWith(prefix));
        }

        var rows = await q.ToListAsync(ct);
        return await ToDtosAsync(rows.OrderBy(g => g.RegionCode).ThenBy(g => g.Service).ThenBy(g => g.ClassType).ThenByDescending(g => g.EffectiveFrom), ct);
    }

    public async Task<FeeGuidelineDto> CreateAsync(CreateFeeGuidelineRequest request, CancellationToken ct)
    {
        var service = CareServices.None;
        ClassType? type = null;
        var v = new Validate()
            .Check(CareServiceSet.TryParseSingle(request.Service, out service), "service", "服务类型应为 FullDay（全日托）、HalfDay（半日托）、Hourly（计时托）或 Temporary（临时托）之一")
            .Check(request.RegionCode is null || RegionCode.IsValid(request.RegionCode), "regionCode", "区划代码应为12位数字");
        if (!string.IsNullOrWhiteSpace(request.ClassType))
        {
            v.Check(ClassTypes.TryParse(request.ClassType, out var t), "classType", "班级类型应为 Infant、Toddler、Preschool、Mixed，或不填（适用于所有班级）");
            type = t;
        }

        ValidateRange(v, request.MinMonthlyFen, request.MaxMonthlyFen, request.EffectiveFrom, request.EffectiveTo, request.Basis);
        v.ThrowIfInvalid();

        var user = await RequireSetterAsync(ct);
        if (request.RegionCode is { } code && code != user.RegionCode) { throw new ForbiddenException("只能为本级辖区设定收费指导价"); }
        var g = new FeeGuideline
        {
            Id = Guid.NewGuid(), RegionCode = user.RegionCode!, Service = service, ClassType = type, Basis = request.Basis!.Trim(),
            SetByUserName = user.UserName,
        };
        Apply(g, request.MinMonthlyFen!.Value, request.MaxMonthlyFen!.Value, request.EffectiveFrom!.Value, request.EffectiveTo, request.Basis, user);
        await RefuseOverlapAsync(g, ct);
        db.FeeGuidelines.Add(g);
        await db.SaveChangesAsync(ct);
        return (await ToDtosAsync([g], ct))[0];
    }

    public async Task<FeeGuidelineDto> UpdateAsync(Guid id, UpdateFeeGuidelineRequest request, CancellationToken ct)
    {
        var v = new Validate().Check(request.Version is not null, "version", "缺少版本号");
        ValidateRange(v, request.MinMonthlyFen, request.MaxMonthlyFen, request.EffectiveFrom, request.EffectiveTo, request.Basis);
        v.ThrowIfInvalid();

        var user = await RequireSetterAsync(ct);
        var g = await db.FeeGuidelines.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("收费指导价");
        if (g.RegionCode != user.RegionCode) { throw new ForbiddenException("只能修改本级辖区设定的收费指导价"); }
        db.Entry(g).Property(x => x.Version).OriginalValue = request.Version!.Value;
        Apply(g, request.MinMonthlyFen!.Value, request.MaxMonthlyFen!.Value, request.EffectiveFrom!.Value, request.EffectiveTo, request.Basis, user);
        await RefuseOverlapAsync(g, ct);
        // Marked even when nothing changed, so the version moves on like any saved edit.
        db.Entry(g).Property(x => x.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
        return (await ToDtosAsync([g], ct))[0];
    }

    private static void ValidateRange(Validate v, long? min, long? max, DateOnly? from, DateOnly? to, string? basis)
    {
        var bound = $"应在0到{Yuan.Format(FeeRules.MaxMonthlyFen)}元（{FeeRules.MaxMonthlyFen}分）之间，单位为分";
        v.Check(min is >= 0 and <= FeeRules.MaxMonthlyFen, "minMonthlyFen", "最低月收费" + bound)
            .Check(max is >= 0 and <= FeeRules.MaxMonthlyFen, "maxMonthlyFen", "最高月收费" + bound)
            .Check(min is null || max is null || min <= max, "maxMonthlyFen", "最高月收费不能低于最低月收费")
            .Check(from is not null, "effectiveFrom", "执行日期不能为空")
            .Check(from is null || to is null || to >= from, "effectiveTo", "截止日期不能早于执行日期")
            .Require("basis", basis, "定价依据", FeeGuideline.BasisMaxLength);
    }

    private void Apply(FeeGuideline g, long min, long max, DateOnly from, DateOnly? to, string? basis, UserContext user)
    {
        g.MinMonthlyFen = min;
        g.MaxMonthlyFen = max;
        g.EffectiveFrom = from;
        g.EffectiveTo = to;
        g.Basis = basis!.Trim();
        g.SetByUserId = user.Id;
        g.SetByUserName = user.UserName;
        g.SetAt = clock.GetUtcNow().UtcDateTime;
    }

    private async Task RefuseOverlapAsync(FeeGuideline g, CancellationToken ct)
    {
        var others = await db.FeeGuidelines.AsNoTracking()
            .Where(x => x.RegionCode == g.RegionCode && x.Service == g.Service && x.ClassType == g.ClassType && x.Id != g.Id).ToListAsync(ct);
        if (others.FirstOrDefault(o => FeeRules.Overlaps(g, o)) is { } o)
        {
            throw new RuleViolationException(FeeRules.GuidelineOverlap,
                $"与已有指导价（{o.EffectiveFrom:yyyy-MM-dd}至{(o.EffectiveTo is { } end ? end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "长期")}，" +
                $"{Yuan.Format(o.MinMonthlyFen)}–{Yuan.Format(o.MaxMonthlyFen)}元）的执行期重叠；请先为其设定截止日期");
        }
    }

    private async Task<UserContext> RequireSetterAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        return MaySet(user) ? user : throw new ForbiddenException("只有县级及以上卫生健康部门可以设定收费指导价");
    }

    /// <summary>A regulator of county level or above (the page shows its forms only then).</summary>
    public static bool MaySet(UserContext user) =>
        user.Kind == UserKind.Regulator && user.RegionCode is { } code && RegionCode.IsValid(code)
        && RegionCode.LevelOf(code) is RegionLevel.Province or RegionLevel.City or RegionLevel.County;

    private async Task<List<FeeGuidelineDto>> ToDtosAsync(IEnumerable<FeeGuideline> rows, CancellationToken ct)
    {
        var list = rows.ToList();
        var codes = list.Select(g => g.RegionCode).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return [.. list.Select(g => new FeeGuidelineDto(g.Id, g.RegionCode, names.GetValueOrDefault(g.RegionCode, g.RegionCode), g.ClassType?.ToString(),
            g.ClassType is { } t ? ClassTypes.ChineseName(t) : "所有班级", g.Service.ToString(), CareServiceSet.ChineseName(g.Service), g.MinMonthlyFen,
            g.MaxMonthlyFen, g.EffectiveFrom, g.EffectiveTo, g.Basis, g.SetByUserName, DateTime.SpecifyKind(g.SetAt, DateTimeKind.Utc), g.Version))];
    }
}
