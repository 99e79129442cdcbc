using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Subsidies.Domain;
using Tuoyu.Web.Modules.Subsidies.Rules;
using static Tuoyu.Web.Modules.Subsidies.Domain.MonthlySubsidyCalculator;

namespace Tuoyu.Web.Modules.Subsidies.Batches;

/// <summary>
/// Loads a region's month set-based — institutions, the closed months' figures, 普惠 designations and filing history in a
/// handful of queries; daily attendance only for the few institutions whose status changed within the month — and runs
/// <see cref="MonthlySubsidyCalculator"/> child by child (ADR 0028).
/// </summary>
internal sealed class BatchComputation(AppDbContext db)
{
    public sealed record Result(List<SubsidyBatchLine> Lines, string RuleVersionIds);

    /// <summary>Refuses (409) while an institution of the region with enrollments in the month has not closed it.</summary>
    public async Task RequireClosedAsync(string regionCode, YearMonth month, CancellationToken ct)
    {
        var prefix = RegionCode.PrefixOf(regionCode);
        var (first, last) = (month.FirstDay, month.LastDay);
        var open = await db.Institutions.AsNoTracking()
            .Where(i => i.RegionCode.StartsWith(prefix))
            .Where(i => db.Enrollments.Any(e => e.InstitutionId == i.Id && e.StartDate <= last && (e.EndDate == null || e.EndDate >= first)))
            .Where(i => !db.MonthCloses.Any(m => m.InstitutionId == i.Id && m.Month == month))
            .OrderBy(i => i.Name)
            .Select(i => new { i.Id, i.Name })
            .ToListAsync(ct);
        if (open.Count > 0)
        {
            throw new RuleViolationException("subsidy.month_not_closed", $"还有{open.Count}家机构未完成{month}月度考勤关账",
                new Dictionary<string, object?> { ["openInstitutions"] = open.Take(500).ToList(), ["openCount"] = open.Count });
        }
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

        var prefix = RegionCode.PrefixOf(regionCode);
        var (first, last) = (month.FirstDay, month.LastDay);
        var institutions = await db.Institutions.AsNoTracking().Where(i => i.RegionCode.StartsWith(prefix))
            .Select(i => new { i.Id, i.RegionCode, i.Ownership, i.FilingStatus, i.FiledOn }).ToListAsync(ct);
        var designations = (await db.Designations.AsNoTracking()
            .Where(d => d.Kind == DesignationKind.Inclusive && d.GrantedOn <= last && db.Institutions.Any(i => i.Id == d.InstitutionId && i.RegionCode.StartsWith(prefix)))
            .Select(d => new { d.InstitutionId, d.GrantedOn, d.ValidUntil, d.WithdrawnOn })
            .ToListAsync(ct)).ToLookup(d => d.InstitutionId);
        var filings = (await db.FilingEvents.AsNoTracking()
            .Where(f => db.Institutions.Any(i => i.Id == f.InstitutionId && i.RegionCode.StartsWith(prefix)))
            .OrderBy(f => f.At)
            .Select(f => new { f.InstitutionId, f.At, f.ToStatus })
            .ToListAsync(ct)).ToLookup(f => f.InstitutionId);
        var byId = new Dictionary<Guid, InstitutionMonth>(institutions.Count);
        foreach (var i in institutions)
        {
            var inclusive = DayMask.Inclusive(month, designations[i.Id].Select(d => (d.GrantedOn, d.ValidUntil, d.WithdrawnOn)));
            var filed = DayMask.Filed(month, filings[i.Id].Select(f => (ChinaTime.DateOf(f.At), f.ToStatus)).ToList(), i.FilingStatus, i.FiledOn);
            byId[i.Id] = new InstitutionMonth(i.Id, i.RegionCode, i.Ownership == Ownership.Private, inclusive, filed);
        }

        // The month's figures of every child seen in the region, at every institution (moved children are paid once).
        var inRegion = db.MonthlyAttendance.Where(m => m.Month == month && db.Institutions.Any(i => i.Id == m.InstitutionId && i.RegionCode.StartsWith(prefix)));
        var rows = new List<Row>();
        await foreach (var m in inRegion.AsNoTracking().Select(m => new { m.ChildId, m.InstitutionId, m.ClassType, m.Service, m.EnrolledDays, m.AttendedDays }).AsAsyncEnumerable().WithCancellation(ct))
        {
            rows.Add(new Row(m.ChildId, m.InstitutionId, m.ClassType, m.Service, m.EnrolledDays, m.AttendedDays));
        }

        var elsewhere = await db.MonthlyAttendance.AsNoTracking()
            .Where(m => m.Month == month && !db.Institutions.Any(i => i.Id == m.InstitutionId && i.RegionCode.StartsWith(prefix))
                && inRegion.Any(x => x.ChildId == m.ChildId))
            .Select(m => new Row(m.ChildId, m.InstitutionId, m.ClassType, m.Service, m.EnrolledDays, m.AttendedDays))
            .ToListAsync(ct);
        rows.AddRange(elsewhere);

        var byChild = rows.GroupBy(r => r.ChildId).ToList();
        var moved = byChild.Where(g => g.Select(r => r.InstitutionId).Distinct().Skip(1).Any()).Select(g => g.Key).ToList();
        var starts = await EnrollmentStartsAsync(moved, last, ct);
        var full = DayMask.Full(month);
        var partial = byId.Values.Where(i => (i.InclusiveMask & full) is not 0 && (i.InclusiveMask & full) != full
            || (i.FiledMask & full) is not 0 && (i.FiledMask & full) != full).Select(i => i.Id).ToList();
        var present = await PresentMasksAsync(partial, first, last, ct);

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

    private async Task<Dictionary<(Guid, Guid), DateOnly>> EnrollmentStartsAsync(List<Guid> children, DateOnly last, CancellationToken ct)
    {
        var result = new Dictionary<(Guid, Guid), DateOnly>();
        foreach (var chunk in children.Chunk(500))
        {
            var rows = await db.Enrollments.AsNoTracking().Where(e => chunk.Contains(e.ChildId) && e.StartDate <= last)
                .GroupBy(e => new { e.ChildId, e.InstitutionId }).Select(g => new { g.Key.ChildId, g.Key.InstitutionId, Start = g.Min(e => e.StartDate) })
                .ToListAsync(ct);
            foreach (var r in rows) { result[(r.ChildId, r.InstitutionId)] = r.Start; }
        }

        return result;
    }

    private async Task<Dictionary<(Guid, Guid), uint>> PresentMasksAsync(List<Guid> institutions, DateOnly first, DateOnly last, CancellationToken ct)
    {
        var result = new Dictionary<(Guid, Guid), uint>();
        foreach (var chunk in institutions.Chunk(200))
        {
            var days = db.Attendance.AsNoTracking()
                .Where(a => chunk.Contains(a.InstitutionId) && a.Date >= first && a.Date <= last && a.Status == AttendanceStatus.Present)
                .Select(a => new { a.ChildId, a.InstitutionId, a.Date }).AsAsyncEnumerable();
            await foreach (var a in days.WithCancellation(ct))
            {
                result[(a.ChildId, a.InstitutionId)] = result.GetValueOrDefault((a.ChildId, a.InstitutionId)) | DayMask.Day(a.Date);
            }
        }

        return result;
    }
}
