using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Statistics.BaseStatistics;
using Tuoyu.Web.Modules.Statistics.Domain;
using Tuoyu.Web.Modules.Statistics.Values;

namespace Tuoyu.Web.Modules.Statistics.Targets;

public sealed record TargetRequest(decimal? Value, int? BaselineYear, decimal? BaselineValue, string? Source);

public sealed record TargetView(string RegionCode, string IndicatorCode, int Year, decimal Value, int? BaselineYear, decimal? BaselineValue, string Source);

/// <summary>Targets per region, indicator and year (issue #6 item 3): set by a regulator for a region in scope.</summary>
internal sealed class TargetsHandler(AppDbContext db, CurrentUser current, StatisticsHandler statistics)
{
    /// <summary>The targets on the region and on every region above it (those it inherits).</summary>
    public async Task<IReadOnlyList<TargetView>> ListAsync(string regionCode, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        await statistics.RegionInScopeAsync(user, regionCode, ct);
        var chain = TargetResolution.Chain(regionCode);
        var rows = await db.IndicatorTargets.AsNoTracking().Where(t => chain.Contains(t.RegionCode)).ToListAsync(ct);
        return [.. rows.OrderBy(t => t.IndicatorCode).ThenBy(t => t.Year).ThenByDescending(t => t.RegionCode).Select(View)];
    }

    public async Task<TargetView> PutAsync(string regionCode, string indicatorCode, int year, TargetRequest r, CancellationToken ct)
    {
        new Validate()
            .Check(year is >= IndicatorValuesHandler.MinYear and <= IndicatorValuesHandler.MaxYear, "year", $"年份须在{IndicatorValuesHandler.MinYear}到{IndicatorValuesHandler.MaxYear}之间")
            .Check(r.Value is >= 0, "value", "目标值不能为空或为负数")
            .Check((r.BaselineYear is null) == (r.BaselineValue is null), "baselineYear", "基期年份与基期值须同时填写或同时不填")
            .Check(r.BaselineYear is null || r.BaselineYear < year, "baselineYear", "基期年份须早于目标年份")
            .Require("source", r.Source, "依据（文件及条款）", IndicatorTarget.SourceMaxLength)
            .ThrowIfInvalid();
        var user = await current.RequireAsync(ct);
        await statistics.RegionInScopeAsync(user, regionCode, ct);
        if (!await db.IndicatorDefinitions.AnyAsync(d => d.Code == indicatorCode, ct)) { throw new NotFoundException("指标"); }
        var row = await db.IndicatorTargets.FirstOrDefaultAsync(t => t.RegionCode == regionCode && t.IndicatorCode == indicatorCode && t.Year == year, ct);
        if (row is null)
        {
            row = new IndicatorTarget { RegionCode = regionCode, IndicatorCode = indicatorCode, Year = year, Source = r.Source!.Trim() };
            db.IndicatorTargets.Add(row);
        }

        row.Value = r.Value!.Value;
        row.BaselineYear = r.BaselineYear;
        row.BaselineValue = r.BaselineValue;
        row.Source = r.Source!.Trim();
        await db.SaveChangesAsync(ct);
        return View(row);
    }

    private static TargetView View(IndicatorTarget t) => new(t.RegionCode, t.IndicatorCode, t.Year, t.Value, t.BaselineYear, t.BaselineValue, t.Source);
}
