using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Contracts;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Subsidies.Domain;
using Tuoyu.Web.Modules.Subsidies.Rules;
using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Regions;
using static Tuoyu.Web.Modules.Subsidies.Domain.MonthlySubsidyCalculator;

namespace Tuoyu.Web.Modules.Subsidies.Batches;

/// <summary>
/// Loads a region's month set-based — institutions with their 普惠 and filing history, the closed months' figures of
/// every child seen there (and of the same children elsewhere) in a handful of queries; daily attendance only for the
/// few institutions whose status changed within the month — and runs <see cref="MonthlySubsidyCalculator"/> child by
/// child (ADR 0028).
/// </summary>
internal sealed class BatchComputation(AppDbContext db, IInstitutionStatusHistory registry, IInstitutionDirectory directory, IMonthlyFigures figures)
{
    public sealed record Result(List<SubsidyBatchLine> Lines, string RuleVersionIds);

    /// <summary>Refuses (409) while an institution of the region with enrollments in the month has not closed it.</summary>
    public async Task RequireClosedAsync(string regionCode, YearMonth month, CancellationToken ct)
    {
        var open = await figures.UnclosedAsync(registry.IdsInRegion(regionCode), month, ct);
        if (open.Count == 0) { return; }
        var names = await directory.InstitutionNamesAsync(open.Take(500).ToList(), ct);
        var listed = open.Take(500).Select(id => new { id, name = names.GetValueOrDefault(id, "") }).OrderBy(x => x.name, StringComparer.Ordinal).ToList();
        throw new RuleViolationException("subsidy.month_not_closed", $"还有{open.Count}家机构未完成{month}月度考勤关账",
            new Dictionary<string, object?> { ["openInstitutions"] = listed, ["openCount"] = open.Count });
    }

    /// <summary>The monthly rules applying anywhere in the region, each with its version in force on the month's first day.</summary>
    public async Task<List<RuleInForce>> RulesAsync(string regionCode, YearMonth month, CancellationToken ct)
    {
        var ancestors = RuleHandler.Ancestors(regionCode);
        var prefix = RegionCode.PrefixOf(regionCode);
        var rules = await db.SubsidyRules.AsNoTracking()
            .Where(r => r.Kind == SubsidyKind.MonthlyPerChild && (ancestors.Contains(r.JurisdictionRegionCode) || r.JurisdictionRegionCode.StartsWith(prefix)))
            .ToListAsync(ct);
        var ids = rules.Select(r => r.Id).ToList();
        var versions = (await db.SubsidyRuleVersions.AsNoTracking().Where(v => ids.Contains(v.RuleId)).ToListAsync(ct)).ToLookup(v => v.RuleId);
        return rules
            .Select(r => RuleHandler.InForce(versions[r.Id], month.FirstDay) is { } v ? new RuleInForce(r, v) : null)
            .OfType<RuleInForce>()
            .OrderBy(r => r.Rule.Code, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<Result> ComputeAsync(Guid batchId, string regionCode, YearMonth month, CancellationToken ct)
    {
        var rules = await RulesAsync(regionCode, month, ct);
        if (rules.Count == 0)
        {
            throw new RuleViolationException("subsidy.no_rule", $"{month}没有适用于该地区的按月补助规则");
        }

        var full = DayMask.Full(month);
        var byId = new Dictionary<Guid, InstitutionMonth>();
        foreach (var i in await registry.InRegionAsync(regionCode, month.LastDay, ct))
        {
            var inclusive = DayMask.Inclusive(month, i.Inclusive.Select(d => (d.GrantedOn, d.ValidUntil, d.WithdrawnOn)));
            var filed = DayMask.Filed(month, i.Filing, i.FiledNow, i.FiledOn);
            byId[i.Id] = new InstitutionMonth(i.Id, i.RegionCode, i.IsPrivate, inclusive, filed);
        }

        var rows = new List<Row>();
        await foreach (var m in figures.WithMovesAsync(registry.IdsInRegion(regionCode), month, ct))
        {
            rows.Add(new Row(m.ChildId, m.InstitutionId, m.ClassType, m.Service, m.EnrolledDays, m.AttendedDays));
        }

        var byChild = rows.GroupBy(r => r.ChildId).ToList();
        var moved = byChild.Where(g => g.Select(r => r.InstitutionId).Distinct().Skip(1).Any()).Select(g => g.Key).ToList();
        var starts = moved.Count == 0 ? new Dictionary<(Guid, Guid), DateOnly>() : await figures.FirstStartsAsync(moved, month.LastDay, ct);
        var partial = byId.Values.Where(i => IsPartial(i.InclusiveMask, full) || IsPartial(i.FiledMask, full)).Select(i => i.Id).ToList();
        var present = new Dictionary<(Guid, Guid), uint>();
        if (partial.Count > 0)
        {
            await foreach (var (child, inst, date) in figures.PresentDaysAsync(partial, month, ct))
            {
                present[(child, inst)] = present.GetValueOrDefault((child, inst)) | DayMask.Day(date);
            }
        }

        var context = new Context
        {
            Month = month, Institutions = byId,
            EnrollmentStart = (child, inst) => starts.TryGetValue((child, inst), out var d) ? d : null,
            PresentMask = (child, inst) => present.GetValueOrDefault((child, inst)),
        };
        var lines = new List<SubsidyBatchLine>(byChild.Count);
        foreach (var child in byChild)
        {
            lines.AddRange(MonthlySubsidyCalculator.Compute(child.ToList(), rules, context, batchId));
        }

        return new Result(lines, string.Join(",", rules.Select(r => r.Version.Id.ToString()).Order(StringComparer.Ordinal)));
    }

    private static bool IsPartial(uint mask, uint full) => (mask & full) != 0 && (mask & full) != full;
}
