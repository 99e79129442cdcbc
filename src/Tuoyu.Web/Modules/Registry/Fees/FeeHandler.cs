using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Rules;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Registry.Scope;

namespace Tuoyu.Web.Modules.Registry.Fees;

/// <summary>
/// An institution's fees (收费标准, issue #3 item 5; ADR 0018), read and replaced as one set by the institution's admin or
/// a regulator over it. Pricing is derived from the designations (<see cref="FeeRules.PricingOf"/>). A 普惠 institution's
/// fee must lie in the guideline that applies (409 registry.fee_outside_guideline, nothing saved); with no applicable
/// guideline the fee is saved and flagged. The replace is one SaveChanges guarded by the institution's version.
/// </summary>
internal sealed class FeeHandler(AppDbContext db, IInstitutionScope scope, CurrentUser current, TimeProvider clock)
{
    /// <summary>4 class types × 4 services.</summary>
    public const int MaxRows = 16;

    public async Task<FeesDto> GetAsync(Guid institutionId, CancellationToken ct)
    {
        var institution = await LoadInScopeAsync(institutionId, tracked: false, ct);
        var fees = await db.Fees.AsNoTracking().Where(f => f.InstitutionId == institutionId).ToListAsync(ct);
        return await StateAsync(institution, fees, ct);
    }

    public async Task<FeesDto> ReplaceAsync(Guid institutionId, ReplaceFeesRequest request, CancellationToken ct)
    {
        var rows = request.Rows ?? [];
        var v = new Validate()
            .Check(request.Rows is not null, "rows", "收费项目不能为空（可为空列表）")
            .Check(rows.Count <= MaxRows, "rows", $"收费项目不能超过{MaxRows}项")
            .Check(request.Version is not null, "version", "缺少版本号");
        var parsed = new List<(ClassType Type, CareServices Service, long Fen, DateOnly From)>();
        for (var n = 0; n < rows.Count && n < MaxRows; n++)
        {
            var r = rows[n];
            if (r is null) { v.Add($"rows[{n}]", "收费项目不能为空"); continue; }
            var okType = ClassTypes.TryParse(r.ClassType, out var type);
            v.Check(okType, $"rows[{n}].classType", "班级类型应为 Infant（乳儿班）、Toddler（托小班）、Preschool（托大班）或 Mixed（混合班）");
            var okService = CareServiceSet.TryParseSingle(r.Service, out var service);
            v.Check(okService, $"rows[{n}].service", "服务类型应为 FullDay（全日托）、HalfDay（半日托）、Hourly（计时托）或 Temporary（临时托）之一");
            var ok = okType && okService;
            v.Check(r.MonthlyFeeFen is >= 0 and <= FeeRules.MaxMonthlyFen, $"rows[{n}].monthlyFeeFen",
                $"月收费应在0到{Yuan.Format(FeeRules.MaxMonthlyFen)}元（{FeeRules.MaxMonthlyFen}分）之间，单位为分");
            v.Check(r.EffectiveFrom is not null, $"rows[{n}].effectiveFrom", "执行日期不能为空");
            if (ok && parsed.Any(p => p.Type == type && p.Service == service))
            {
                v.Add($"rows[{n}]", $"{ClassTypes.ChineseName(type)}·{CareServiceSet.ChineseName(service)}重复");
            }

            if (ok && r.MonthlyFeeFen is { } fen && r.EffectiveFrom is { } from) { parsed.Add((type, service, fen, from)); }
        }

        v.ThrowIfInvalid();

        // The institution first (tracked: its version is the lock), then what the rows must fit.
        var institution = await LoadInScopeAsync(institutionId, tracked: true, ct);
        var classTypes = await db.Classes.AsNoTracking().Where(c => c.InstitutionId == institutionId).Select(c => c.Type).Distinct().ToListAsync(ct);
        var fit = new Validate();
        for (var n = 0; n < parsed.Count; n++)
        {
            var p = parsed[n];
            // Decided (ADR 0018): a fee is for a service the institution offers and a class type it has, so the public
            // never sees a price for something it cannot book.
            fit.Check(institution.Services.HasFlag(p.Service), $"rows[{n}].service", $"本机构未开展{CareServiceSet.ChineseName(p.Service)}服务");
            fit.Check(classTypes.Contains(p.Type), $"rows[{n}].classType", $"本机构没有{ClassTypes.ChineseName(p.Type)}");
        }

        fit.ThrowIfInvalid();

        var pricing = FeeRules.PricingOf(institution.Ownership, institution.IsInclusive);
        if (institution.IsInclusive)
        {
            var guidelines = await GuidelinesForAsync(institution.RegionCode, ct);
            var today = BeijingToday();
            for (var n = 0; n < parsed.Count; n++)
            {
                var p = parsed[n];
                var g = FeeRules.Resolve(guidelines, institution.RegionCode, p.Type, p.Service, CheckDay(p.From, today));
                if (g is not null && (p.Fen < g.MinMonthlyFen || p.Fen > g.MaxMonthlyFen))
                {
                    throw new RuleViolationException(FeeRules.OutsideGuideline,
                        $"第{n + 1}项 {ClassTypes.ChineseName(p.Type)}·{CareServiceSet.ChineseName(p.Service)} 月收费{Yuan.Format(p.Fen)}元，" +
                        $"不在普惠收费指导价{Yuan.Format(g.MinMonthlyFen)}–{Yuan.Format(g.MaxMonthlyFen)}元之内（{g.Basis}）");
                }
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Entry(institution).Property(i => i.Version).OriginalValue = request.Version!.Value;
        db.Entry(institution).Property(i => i.Version).IsModified = true;
        var existing = await db.Fees.Where(f => f.InstitutionId == institutionId).ToListAsync(ct);
        foreach (var old in existing.Where(e => !parsed.Any(p => p.Type == e.ClassType && p.Service == e.Service)))
        {
            db.Fees.Remove(old);
        }

        foreach (var p in parsed)
        {
            var fee = existing.FirstOrDefault(e => e.ClassType == p.Type && e.Service == p.Service);
            if (fee is null)
            {
                fee = new InstitutionFee { Id = Guid.NewGuid(), InstitutionId = institutionId, ClassType = p.Type, Service = p.Service };
                db.Fees.Add(fee);
            }
            else if (fee.MonthlyFeeFen == p.Fen && fee.EffectiveFrom == p.From && fee.Pricing == pricing)
            {
                continue;
            }

            fee.MonthlyFeeFen = p.Fen;
            fee.EffectiveFrom = p.From;
            fee.Pricing = pricing;
            fee.UpdatedAt = now;
        }

        await db.SaveChangesAsync(ct);
        var saved = await db.Fees.AsNoTracking().Where(f => f.InstitutionId == institutionId).ToListAsync(ct);
        return await StateAsync(institution, saved, ct);
    }

    /// <summary>
    /// The day a fee is checked on: the later of its effective date and today (Beijing) — a fee that took effect long
    /// ago is charged today, so today's guideline binds it; a future fee meets the guideline of its first day.
    /// </summary>
    private static DateOnly CheckDay(DateOnly effectiveFrom, DateOnly today) => effectiveFrom > today ? effectiveFrom : today;

    private DateOnly BeijingToday() => ChinaTime.Today(clock);

    private async Task<List<FeeGuideline>> GuidelinesForAsync(string regionCode, CancellationToken ct)
    {
        var codes = FeeRules.CoveringCodes(regionCode);
        return await db.FeeGuidelines.AsNoTracking().Where(g => codes.Contains(g.RegionCode)).ToListAsync(ct);
    }

    private async Task<FeesDto> StateAsync(Institution i, List<InstitutionFee> fees, CancellationToken ct)
    {
        var pricing = FeeRules.PricingOf(i.Ownership, i.IsInclusive);
        var guidelines = i.IsInclusive ? await GuidelinesForAsync(i.RegionCode, ct) : [];
        var classTypes = await db.Classes.AsNoTracking().Where(c => c.InstitutionId == i.Id).Select(c => c.Type).Distinct().ToListAsync(ct);
        var today = BeijingToday();
        var warnings = new List<string>();
        var rows = new List<FeeRowDto>();
        foreach (var f in fees.OrderBy(f => f.ClassType).ThenBy(f => f.Service))
        {
            var name = $"{ClassTypes.ChineseName(f.ClassType)}·{CareServiceSet.ChineseName(f.Service)}";
            FeeRangeDto? range = null;
            bool? within = null;
            if (i.IsInclusive)
            {
                var g = FeeRules.Resolve(guidelines, i.RegionCode, f.ClassType, f.Service, CheckDay(f.EffectiveFrom, today));
                if (g is null)
                {
                    warnings.Add($"{name}：未找到适用的普惠收费指导价");
                }
                else
                {
                    range = new FeeRangeDto(g.Id, g.RegionCode, g.MinMonthlyFen, g.MaxMonthlyFen, g.Basis);
                    within = f.MonthlyFeeFen >= g.MinMonthlyFen && f.MonthlyFeeFen <= g.MaxMonthlyFen;
                    if (within == false) { warnings.Add($"{name}：月收费{Yuan.Format(f.MonthlyFeeFen)}元不在现行指导价{Yuan.Format(g.MinMonthlyFen)}–{Yuan.Format(g.MaxMonthlyFen)}元之内"); }
                }
            }

            rows.Add(new FeeRowDto(f.ClassType.ToString(), ClassTypes.ChineseName(f.ClassType), f.Service.ToString(), CareServiceSet.ChineseName(f.Service),
                f.MonthlyFeeFen, f.EffectiveFrom, range, i.IsInclusive && range is null, within));
        }

        return new FeesDto(i.Id, pricing.ToString(), FeeRules.PricingName(pricing), i.IsInclusive,
            [.. CareServiceSet.Split(i.Services).Select(s => s.ToString())], [.. classTypes.Order().Select(t => t.ToString())], i.Version, rows, warnings);
    }

    private async Task<Institution> LoadInScopeAsync(Guid id, bool tracked, CancellationToken ct) =>
        (await db.LoadInstitutionInScopeAsync(scope, current, id, tracked, ct)).Institution;
}
