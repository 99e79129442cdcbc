using Tuoyu.Web.Common.Regions;

namespace Tuoyu.Web.Modules.Statistics.Domain;

/// <summary>The target that applies to a region, indicator and year, and the baseline its status is judged from.</summary>
public sealed record ResolvedTarget(IndicatorTarget Target, int? BaselineYear, decimal? BaselineValue);

/// <summary>
/// Issue #6 item 3: a target set for a region applies to every region below it that has none of its own for the indicator.
/// Within the nearest region that has targets for the indicator, the target of the requested year applies, else the next
/// later one (a 2027 target governs 2025), else the last one (a target "by 2025" still stands in 2026).
/// </summary>
public static class TargetResolution
{
    /// <summary>National targets hang on this code (the country has no division code of its own).</summary>
    public const string NationCode = "000000000000";

    /// <summary>The region itself, then its county, city, province and the nation.</summary>
    public static IReadOnlyList<string> Chain(string regionCode)
    {
        var chain = new List<string> { regionCode };
        foreach (var ancestor in new[] { regionCode[..6] + "000000", regionCode[..4] + "00000000", regionCode[..2] + "0000000000", NationCode })
        {
            if (!chain.Contains(ancestor)) { chain.Add(ancestor); }
        }

        return chain;
    }

    public static ResolvedTarget? Resolve(IEnumerable<IndicatorTarget> targetsOfIndicator, string regionCode, int year)
    {
        var byRegion = targetsOfIndicator.GroupBy(t => t.RegionCode).ToDictionary(g => g.Key, g => g.OrderBy(t => t.Year).ToList());
        foreach (var code in Chain(regionCode))
        {
            if (!byRegion.TryGetValue(code, out var list) || list.Count == 0) { continue; }
            var target = list.FirstOrDefault(t => t.Year >= year) ?? list[^1];
            if (target.BaselineYear is { } by && target.BaselineValue is { } bv) { return new ResolvedTarget(target, by, bv); }
            var previous = list.LastOrDefault(t => t.Year < target.Year);
            return new ResolvedTarget(target, previous?.Year, previous?.Value);
        }

        return null;
    }

    public static bool IsValidRegion(string? code) => code == NationCode || RegionCode.IsValid(code);
}
