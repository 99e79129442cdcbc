using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Statistics.Contracts;
using Tuoyu.Web.Modules.Statistics.Domain;

namespace Tuoyu.Web.Modules.Statistics.Values;

/// <summary>
/// Live indicator values (issue #6 item 4, ADR 0029): any region in the caller's scope, any year, as of any date, with
/// numerator, denominator, the target that applies and the status against it; breakdowns by sub-region (province → cities,
/// city → counties) or, from county level down, by institution; trends by year.
/// </summary>
internal sealed class IndicatorValuesHandler(AppDbContext db, MeasureQueries measures, TimeProvider clock)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    public const int MaxTrendYears = 15;

    public async Task<IndicatorTable> TableAsync(UserContext user, string? region, int? year, DateOnly? date, CancellationToken ct)
    {
        var (code, name, y, day) = await CheckAsync(user, region, year, date, ct);
        var definitions = await DefinitionsAsync(null, ct);
        var targets = await TargetsAsync(TargetResolution.Chain(code), ct);
        var m = await RegionMeasuresAsync(code, y, day, ct);
        return new IndicatorTable(code, name, y, day, [.. definitions.Select(d => Evaluate(d, m.Measures, m.StatisticYears, targets, code, y))]);
    }

    public async Task<IndicatorBreakdown> BreakdownAsync(UserContext user, string indicatorCode, string? region, int? year, DateOnly? date, CancellationToken ct)
    {
        var (code, name, y, day) = await CheckAsync(user, region, year, date, ct);
        var definition = (await DefinitionsAsync(indicatorCode, ct)).SingleOrDefault() ?? throw new NotFoundException("指标");
        var prefix = RegionCode.PrefixOf(code);
        var level = RegionCode.LevelOf(code);
        var rows = new List<BreakdownRow>();
        if (level is RegionLevel.Province or RegionLevel.City)
        {
            var keyLength = level == RegionLevel.Province ? 4 : 6;
            var children = await db.Regions.AsNoTracking().Where(r => r.ParentCode == code).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
            var codes = children.Select(c => c.Code).ToList();
            var targets = await TargetsAsync([.. codes.SelectMany(TargetResolution.Chain).Distinct()], ct);
            var byKey = await measures.ByRegionPrefixAsync(prefix, keyLength, day, ct);
            var stats = await measures.StatisticsAsync(codes, y, ct);
            foreach (var child in children)
            {
                var m = Merge(byKey.GetValueOrDefault(child.Code[..keyLength]), stats.GetValueOrDefault(child.Code), out var statYears);
                var v = Evaluate(definition, m, statYears, targets, child.Code, y);
                rows.Add(new BreakdownRow(child.Code, child.Name, "region", v.Value, v.Numerator, v.Denominator, v.Target, v.Status, v.StatusName));
            }
        }
        else
        {
            var institutions = await measures.OpenInstitutionsAsync(prefix, day, ct);
            var targets = await TargetsAsync([.. institutions.Select(i => i.RegionCode).Append(code).SelectMany(TargetResolution.Chain).Distinct()], ct);
            var byInstitution = await measures.ByInstitutionAsync(prefix, day, ct);
            foreach (var i in institutions)
            {
                var m = Merge(byInstitution.GetValueOrDefault(i.Id), null, out var statYears);
                var v = Evaluate(definition, m, statYears, targets, i.RegionCode, y);
                rows.Add(new BreakdownRow(i.Id.ToString(), i.Name, "institution", v.Value, v.Numerator, v.Denominator, v.Target, v.Status, v.StatusName));
            }
        }

        return new IndicatorBreakdown(definition.Code, definition.Name, definition.Unit, code, name, y, day, rows.FirstOrDefault()?.Kind ?? (level is RegionLevel.Province or RegionLevel.City ? "region" : "institution"), rows);
    }

    public async Task<IndicatorTrend> TrendAsync(UserContext user, string indicatorCode, string? region, int? from, int? to, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var last = to ?? today.Year;
        var first = from ?? last - 4;
        new Validate()
            .Check(first is >= MinYear and <= MaxYear && last is >= MinYear and <= MaxYear, "from", $"年份须在{MinYear}到{MaxYear}之间")
            .Check(first <= last && last - first < MaxTrendYears, "to", $"起止年份须有序且不超过{MaxTrendYears}年")
            .ThrowIfInvalid();
        var (code, name, _, _) = await CheckAsync(user, region, last, null, ct);
        var definition = (await DefinitionsAsync(indicatorCode, ct)).SingleOrDefault() ?? throw new NotFoundException("指标");
        var targets = await TargetsAsync(TargetResolution.Chain(code), ct);
        var points = new List<TrendPoint>();
        for (var y = first; y <= last; y++)
        {
            var day = DateFor(y, today);
            var m = await RegionMeasuresAsync(code, y, day, ct);
            var v = Evaluate(definition, m.Measures, m.StatisticYears, targets, code, y);
            points.Add(new TrendPoint(y, day, v.Value, v.Numerator, v.Denominator, v.Target, v.Status, v.StatusName));
        }

        return new IndicatorTrend(definition.Code, definition.Name, definition.Unit, code, name, points);
    }

    /// <summary>The date a year's figures stand on: the last day of a past year, otherwise today (China).</summary>
    public static DateOnly DateFor(int year, DateOnly today) => year < today.Year ? new DateOnly(year, 12, 31) : today;

    /// <summary>Row for one indicator from a group's measures.</summary>
    public static IndicatorValue Evaluate(IndicatorDefinition d, IReadOnlyDictionary<string, decimal> m, IReadOnlyDictionary<string, int> statisticYears,
        IReadOnlyList<IndicatorTarget> targets, string regionCode, int year)
    {
        decimal? numerator = m.TryGetValue(d.Numerator, out var n) ? n : null;
        decimal? denominator = d.Denominator is not null && m.TryGetValue(d.Denominator, out var den) ? den : null;
        var value = IndicatorMath.Value(numerator, d.Denominator is not null, denominator, d.Factor, d.Decimals);
        int? statYear = statisticYears.TryGetValue(d.Numerator, out var sy) ? sy : d.Denominator is not null && statisticYears.TryGetValue(d.Denominator, out var dy) ? dy : null;
        var resolved = TargetResolution.Resolve(targets.Where(t => t.IndicatorCode == d.Code), regionCode, year);
        var status = resolved is null ? null
            : IndicatorMath.Status(value, year, resolved.Target.Value, resolved.Target.Year, resolved.BaselineYear, resolved.BaselineValue, d.LowerIsBetter);
        return new IndicatorValue(d.Code, d.Name, d.Unit, d.Decimals, value, numerator, denominator, d.Numerator, d.Denominator, statYear,
            resolved?.Target.Value, resolved?.Target.Year, resolved?.Target.RegionCode, resolved?.Target.Source, status, IndicatorMath.StatusName(status));
    }

    private async Task<(Dictionary<string, decimal> Measures, Dictionary<string, int> StatisticYears)> RegionMeasuresAsync(string code, int year, DateOnly day, CancellationToken ct)
    {
        var prefix = RegionCode.PrefixOf(code);
        var register = await measures.ByRegionPrefixAsync(prefix, prefix.Length, day, ct);
        var stats = await measures.StatisticsAsync([code], year, ct);
        var m = Merge(register.GetValueOrDefault(prefix), stats.GetValueOrDefault(code), out var years);
        return (m, years);
    }

    private static Dictionary<string, decimal> Merge(Dictionary<string, decimal>? register, Dictionary<string, (decimal Value, int Year)>? stats, out Dictionary<string, int> statisticYears)
    {
        var m = register is null ? EmptyRegister() : new Dictionary<string, decimal>(register, StringComparer.Ordinal);
        statisticYears = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (measure, (value, y)) in stats ?? [])
        {
            m[measure] = value;
            statisticYears[measure] = y;
        }

        return m;
    }

    /// <summary>A group without institutions: every register count is zero; an average fee is unknown.</summary>
    private static Dictionary<string, decimal> EmptyRegister() => Measures.Counted.ToDictionary(k => k, _ => 0m, StringComparer.Ordinal);

    private async Task<(string Code, string Name, int Year, DateOnly Date)> CheckAsync(UserContext user, string? region, int? year, DateOnly? date, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var y = year ?? today.Year;
        new Validate()
            .Check(RegionCode.IsValid(region), "region", "区划代码应为12位数字")
            .Check(y is >= MinYear and <= MaxYear, "year", $"年份须在{MinYear}到{MaxYear}之间")
            .ThrowIfInvalid();
        var name = await db.Regions.AsNoTracking().Where(r => r.Code == region).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("区划");
        EnsureInScope(user, region!);
        return (region!, name, y, date ?? DateFor(y, today));
    }

    /// <summary>Regulators see their region and below, nothing outside it (architecture rule 6).</summary>
    public static void EnsureInScope(UserContext user, string regionCode)
    {
        if (!user.CoversRegion(regionCode))
        {
            throw new ForbiddenException("该区划不在您的管辖范围内");
        }
    }

    private async Task<List<IndicatorDefinition>> DefinitionsAsync(string? code, CancellationToken ct)
    {
        var q = db.IndicatorDefinitions.AsNoTracking();
        if (code is not null) { q = q.Where(d => d.Code == code); }
        return await q.OrderBy(d => d.SortOrder).ThenBy(d => d.Code).ToListAsync(ct);
    }

    private Task<List<IndicatorTarget>> TargetsAsync(IReadOnlyCollection<string> regionCodes, CancellationToken ct) =>
        db.IndicatorTargets.AsNoTracking().Where(t => regionCodes.Contains(t.RegionCode)).ToListAsync(ct);
}
