using System.Globalization;

namespace Tuoyu.Web.Modules.Supervision.Domain;

/// <summary>An institution matching a plan's filter at draw time: id, public name and street code.</summary>
public sealed record DrawCandidate(Guid Id, string Name, string StreetCode);

/// <summary>
/// Freezes a plan's draw inputs (ADR 0030): the candidates with their risk classes, the active pool by code, and the
/// recusals — an inspector living in the institution's street (same_street), and, when the plan asks, one drawn for the
/// institution in the region's previous draw (previous_draw). Everything sorted canonically.
/// </summary>
public static class DrawFreezing
{
    public static DrawInputs Freeze(InspectionPlan plan, IEnumerable<DrawCandidate> candidates, IReadOnlyDictionary<Guid, string> riskClasses,
        IReadOnlyList<Inspector> pool, IEnumerable<(Guid InstitutionId, Guid InspectorId)> previousPicks)
    {
        var institutions = candidates.OrderBy(i => Key(i.Id), StringComparer.Ordinal).ToList();
        var active = pool.Where(i => i.Active).OrderBy(i => i.Code, StringComparer.Ordinal).ToList();
        var recusals = new Dictionary<(Guid, string), string>();
        var byStreet = active.ToLookup(i => i.HomeStreetCode);
        foreach (var inst in institutions)
        {
            foreach (var i in byStreet[inst.StreetCode]) { recusals[(inst.Id, i.Code)] = "same_street"; }
        }

        if (plan.RecusePreviousDraw)
        {
            var codes = active.ToDictionary(i => i.Id, i => i.Code);
            var inScope = institutions.Select(i => i.Id).ToHashSet();
            foreach (var (institutionId, inspectorId) in previousPicks)
            {
                if (codes.TryGetValue(inspectorId, out var code) && inScope.Contains(institutionId)) { recusals.TryAdd((institutionId, code), "previous_draw"); }
            }
        }

        var ratios = new List<DrawRatio>();
        foreach (var (cls, p) in new[] { ("A", plan.PercentA), ("B", plan.PercentB), ("C", plan.PercentC), ("D", plan.PercentD) })
        {
            if (p is { } percent) { ratios.Add(new DrawRatio(cls, percent)); }
        }

        return new DrawInputs(DoubleRandomDraw.Algorithm, plan.Id, plan.PublicSeed, plan.TeamSize, plan.DefaultPercent, ratios,
            [.. institutions.Select(i => new DrawInstitution(i.Id, i.Name, riskClasses.GetValueOrDefault(i.Id, "")))],
            [.. active.Select(i => new DrawInspector(i.Code, i.Agency.ToString()))],
            [.. recusals.OrderBy(r => Key(r.Key.Item1), StringComparer.Ordinal).ThenBy(r => r.Key.Item2, StringComparer.Ordinal)
                .Select(r => new DrawRecusal(r.Key.Item1, r.Key.Item2, r.Value))]);
    }

    private static string Key(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);
}
