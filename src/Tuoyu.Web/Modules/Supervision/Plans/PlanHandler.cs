using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Supervision.Domain;
using Tuoyu.Web.Modules.Supervision.Inspectors;

namespace Tuoyu.Web.Modules.Supervision.Plans;

/// <summary>
/// 双随机抽查计划 (issue #7 item 2, ADR 0030). A regulator plans for its region or below; the plan's one draw freezes the
/// institutions matching its filter, the pool and the recusals into public inputs and runs <see cref="DoubleRandomDraw"/>.
/// </summary>
internal sealed class PlanHandler(AppDbContext db, SupervisionScope scope, IInstitutionSampling sampling, TimeProvider clock)
{
    /// <summary>
    /// At least two inspectors per inspection: issue #7 item 2 ("at least two inspectors per inspection"), as
    /// 《行政处罚法》（2021年修订）第四十二条 requires of law enforcement ("执法人员不得少于两人"); 双随机 itself is
    /// 国办发〔2015〕58号 and, for childcare, Changsha 2025 item 15.
    /// </summary>
    public const int MinTeamSize = 2;

    public const int MaxTeamSize = 10;

    public async Task<PlanView> CreateAsync(CreatePlanRequest r, CancellationToken ct)
    {
        var user = await scope.RegulatorAsync(ct);
        var v = new Validate().Require("name", r.Name, "计划名称", 100).Require("publicSeed", r.PublicSeed, "公开随机种子", 200)
            .Check(RegionCode.IsValid(r.RegionCode), "regionCode", "区划应为12位行政区划代码")
            .Check(r.DefaultPercent is >= 1 and <= 100, "defaultPercent", "抽查比例应为1–100（%）")
            .Check(r.TeamSize is >= MinTeamSize and <= MaxTeamSize, "teamSize", $"每组检查人员应为{MinTeamSize}–{MaxTeamSize}人（双随机要求至少两名）");
        foreach (var (name, p) in new[] { ("percentA", r.PercentA), ("percentB", r.PercentB), ("percentC", r.PercentC), ("percentD", r.PercentD) })
        {
            v.Check(p is null or >= 0 and <= 100, name, "抽查比例应为0–100（%）");
        }

        var kinds = (r.Kinds ?? []).Distinct().ToList();
        var statuses = (r.FilingStatuses ?? ["Filed"]).Distinct().ToList();
        v.Check(kinds.All(sampling.IsKind), "kinds", "机构类型代码无效").Check(statuses.All(sampling.IsFilingStatus), "filingStatuses", "备案状态代码无效");
        var risks = r.RiskClasses ?? [];
        v.Check(risks.All(x => x.InstitutionId is not null && x.RiskClass is "A" or "B" or "C" or "D"), "riskClasses", "风险等级应为 A、B、C 或 D")
            .Check(risks.Select(x => x.InstitutionId).Distinct().Count() == risks.Count, "riskClasses", "同一机构只能有一个风险等级");
        v.ThrowIfInvalid();
        if (!SupervisionScope.Covers(user, r.RegionCode!) || !await db.Regions.AnyAsync(x => x.Code == r.RegionCode, ct))
        {
            throw new ForbiddenException("该区划不在您的管辖范围内");
        }

        var visible = scope.VisibleInspectors(user).Where(i => i.Active);
        var pool = r.InspectorIds is { Count: > 0 } ids
            ? await visible.Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct)
            : await visible.Select(i => i.Id).ToListAsync(ct);
        if (r.InspectorIds is { Count: > 0 } asked && pool.Count != asked.Distinct().Count())
        {
            throw ValidationFailedException.For("inspectorIds", "检查人员不存在、已停用或不在您可使用的名录库中");
        }

        if (pool.Count < r.TeamSize) { throw ValidationFailedException.For("inspectorIds", "检查人员库人数少于每组人数"); }
        var plan = new InspectionPlan
        {
            Id = Guid.NewGuid(), RegionCode = r.RegionCode!, Name = r.Name!.Trim(), Kinds = string.Join(',', kinds), FilingStatuses = string.Join(',', statuses),
            DefaultPercent = r.DefaultPercent!.Value, PercentA = r.PercentA, PercentB = r.PercentB, PercentC = r.PercentC, PercentD = r.PercentD,
            TeamSize = r.TeamSize!.Value, PublicSeed = r.PublicSeed!.Trim(), RecusePreviousDraw = r.RecusePreviousDraw ?? true,
            CreatedByUserId = user.Id, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.InspectionPlans.Add(plan);
        db.InspectionPlanInspectors.AddRange(pool.Select(id => new InspectionPlanInspector { PlanId = plan.Id, InspectorId = id }));
        db.InspectionPlanRisks.AddRange(risks.Select(x => new InspectionPlanRisk { PlanId = plan.Id, InstitutionId = x.InstitutionId!.Value, RiskClass = x.RiskClass! }));
        await db.SaveChangesAsync(ct);
        return ToView(plan, pool.Count, null);
    }

    public async Task<IReadOnlyList<PlanView>> ListAsync(CancellationToken ct)
    {
        var user = await scope.RegulatorAsync(ct);
        var prefix = RegionCode.PrefixOf(user.RegionCode!);
        var plans = await db.InspectionPlans.AsNoTracking().Where(p => p.RegionCode.StartsWith(prefix)).OrderByDescending(p => p.CreatedAt).Take(200).ToListAsync(ct);
        var ids = plans.Select(p => p.Id).ToList();
        var pools = await db.InspectionPlanInspectors.AsNoTracking().Where(x => ids.Contains(x.PlanId)).GroupBy(x => x.PlanId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var draws = await db.InspectionDraws.AsNoTracking().Where(d => ids.Contains(d.PlanId)).ToDictionaryAsync(d => d.PlanId, d => d.Id, ct);
        return [.. plans.Select(p => ToView(p, pools.GetValueOrDefault(p.Id), draws.TryGetValue(p.Id, out var d) ? d : null))];
    }

    /// <summary>The plan's one draw. A second is 409 <c>supervision.already_drawn</c>; a pool that cannot staff an institution is 409 naming it.</summary>
    public async Task<Guid> DrawAsync(Guid planId, CancellationToken ct)
    {
        var user = await scope.RegulatorAsync(ct);
        var plan = await db.InspectionPlans.FirstOrDefaultAsync(p => p.Id == planId, ct) ?? throw new NotFoundException("抽查计划");
        if (!SupervisionScope.Covers(user, plan.RegionCode)) { throw new ForbiddenException("该抽查计划不在您的管辖范围内"); }
        if (plan.DrawnAt is not null || await db.InspectionDraws.AnyAsync(d => d.PlanId == planId, ct)) { throw AlreadyDrawn(); }

        var inputs = await InputsAsync(plan, ct);
        DrawResult result;
        try
        {
            result = DoubleRandomDraw.Run(inputs);
        }
        catch (DrawPoolTooSmallException ex)
        {
            var name = inputs.Institutions.First(i => i.Id == ex.InstitutionId).Name;
            throw new RuleViolationException("supervision.pool_too_small",
                $"检查人员库不足：回避后可派往“{name}”的检查人员只有{ex.Eligible}名，每组需要{plan.TeamSize}名",
                new Dictionary<string, object?> { ["institutionId"] = ex.InstitutionId, ["institutionName"] = name });
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var draw = new InspectionDraw
        {
            Id = Guid.NewGuid(), PlanId = plan.Id, RegionCode = plan.RegionCode, Algorithm = DoubleRandomDraw.Algorithm, SeedHex = result.SeedHex,
            InputsJson = DrawJson.Write(inputs), ResultJson = DrawJson.Write(result), DrawnAt = now, DrawnByUserId = user.Id,
        };
        var idsByCode = await db.InspectionPlanInspectors.Where(x => x.PlanId == plan.Id)
            .Join(db.Inspectors, x => x.InspectorId, i => i.Id, (x, i) => new { i.Code, i.Id }).ToDictionaryAsync(x => x.Code, x => x.Id, ct);
        db.InspectionDraws.Add(draw);
        db.InspectionDrawPicks.AddRange(result.Assignments.SelectMany(a => a.InspectorCodes.Select(code => new InspectionDrawPick
        {
            Id = Guid.NewGuid(), DrawId = draw.Id, RegionCode = plan.RegionCode, InstitutionId = a.InstitutionId, InspectorId = idsByCode[code],
        })));
        plan.DrawnAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent draw of the same plan won (plan version or the unique plan id on draws).
            throw AlreadyDrawn();
        }

        return draw.Id;
    }

    /// <summary>Freezes the plan's inputs now: institutions matching the filter, the pool, and the recusals.</summary>
    private async Task<DrawInputs> InputsAsync(InspectionPlan plan, CancellationToken ct)
    {
        var institutions = await sampling.UnderRegionAsync(plan.RegionCode, Split(plan.Kinds), Split(plan.FilingStatuses), ct);
        var risk = await db.InspectionPlanRisks.AsNoTracking().Where(x => x.PlanId == plan.Id).ToDictionaryAsync(x => x.InstitutionId, x => x.RiskClass, ct);
        var pool = await db.InspectionPlanInspectors.AsNoTracking().Where(x => x.PlanId == plan.Id)
            .Join(db.Inspectors.AsNoTracking(), x => x.InspectorId, i => i.Id, (x, i) => i).ToListAsync(ct);
        var previous = await db.InspectionDraws.AsNoTracking().Where(d => d.RegionCode == plan.RegionCode)
            .OrderByDescending(d => d.DrawnAt).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
        var picks = previous is { } prev
            ? await db.InspectionDrawPicks.AsNoTracking().Where(p => p.DrawId == prev).Select(p => new { p.InstitutionId, p.InspectorId }).ToListAsync(ct)
            : [];
        return DrawFreezing.Freeze(plan, institutions.Select(i => new DrawCandidate(i.Id, i.Name, i.RegionCode)), risk, pool,
            picks.Select(p => (p.InstitutionId, p.InspectorId)));
    }

    private static List<string> Split(string csv) => [.. csv.Split(',', StringSplitOptions.RemoveEmptyEntries)];

    private static RuleViolationException AlreadyDrawn() => new("supervision.already_drawn", "该抽查计划已抽取，抽取结果不能重做");

    private static PlanView ToView(InspectionPlan p, int inspectors, Guid? drawId) => new(p.Id, p.RegionCode, p.Name, Split(p.Kinds), Split(p.FilingStatuses),
        p.DefaultPercent, p.PercentA, p.PercentB, p.PercentC, p.PercentD, p.TeamSize, p.PublicSeed, p.RecusePreviousDraw, inspectors,
        p.DrawnAt is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : null, drawId);
}
