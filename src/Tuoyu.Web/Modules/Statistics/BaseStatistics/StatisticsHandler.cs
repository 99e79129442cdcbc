using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Statistics.Domain;
using Tuoyu.Web.Modules.Statistics.Values;

namespace Tuoyu.Web.Modules.Statistics.BaseStatistics;

/// <summary>
/// Base statistics (issue #6 item 1): the figures no institution reports, per region and year, entered by a regulator
/// within scope. Saved rows are audited by the AuditingInterceptor.
/// </summary>
internal sealed class StatisticsHandler(AppDbContext db, CurrentUser current)
{
    public const int SourceMaxLength = 200;

    public async Task<IReadOnlyList<StatisticView>> ListAsync(string regionCode, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        await RegionInScopeAsync(user, regionCode, ct);
        var rows = await db.RegionStatistics.AsNoTracking().Where(s => s.RegionCode == regionCode).OrderByDescending(s => s.Year).ToListAsync(ct);
        return [.. rows.Select(View)];
    }

    public async Task<StatisticView> PutAsync(string regionCode, int year, StatisticRequest r, CancellationToken ct)
    {
        var errors = Check(r, year, "");
        if (errors.Count > 0) { throw new ValidationFailedException(errors); }
        var user = await current.RequireAsync(ct);
        await RegionInScopeAsync(user, regionCode, ct);
        var row = await db.RegionStatistics.FirstOrDefaultAsync(s => s.RegionCode == regionCode && s.Year == year, ct);
        if (row is null)
        {
            row = new RegionStatistic { RegionCode = regionCode, Year = year, Source = r.Source!.Trim() };
            db.RegionStatistics.Add(row);
        }

        Apply(row, r);
        await db.SaveChangesAsync(ct);
        return View(row);
    }

    /// <summary>Field errors of one request; <paramref name="prefix"/> names the row in an import.</summary>
    public static Dictionary<string, string[]> Check(StatisticRequest r, int year, string prefix)
    {
        var v = new Validate()
            .Check(year is >= IndicatorValuesHandler.MinYear and <= IndicatorValuesHandler.MaxYear, prefix + "year", $"年份须在{IndicatorValuesHandler.MinYear}到{IndicatorValuesHandler.MaxYear}之间")
            .Require(prefix + "source", r.Source, "数据来源", SourceMaxLength)
            .Check(r.SourceDate is not null, prefix + "sourceDate", "数据日期不能为空")
            .Check(r.ResidentPopulation is null or >= 0, prefix + "residentPopulation", "常住人口不能为负数")
            .Check(r.ChildrenUnder3 is null or >= 0, prefix + "childrenUnder3", "3岁以下婴幼儿数不能为负数")
            .Check(r.Births is null or >= 0, prefix + "births", "出生人口不能为负数")
            .Check(r.DisposableIncomeFen is null or > 0, prefix + "disposableIncomeFen", "人均可支配收入须大于0")
            .Check(r.ResidentPopulation is null || r.ChildrenUnder3 is null || r.ChildrenUnder3 <= r.ResidentPopulation, prefix + "childrenUnder3", "3岁以下婴幼儿数不能超过常住人口");
        return v.Errors.ToDictionary(e => e.Key, e => e.Value);
    }

    public static void Apply(RegionStatistic row, StatisticRequest r)
    {
        row.ResidentPopulation = r.ResidentPopulation;
        row.ChildrenUnder3 = r.ChildrenUnder3;
        row.Births = r.Births;
        row.DisposableIncomePerCapitaFen = r.DisposableIncomeFen;
        row.Source = r.Source!.Trim();
        row.SourceDate = r.SourceDate!.Value;
    }

    public static StatisticView View(RegionStatistic s) =>
        new(s.RegionCode, s.Year, s.ResidentPopulation, s.ChildrenUnder3, s.Births, s.DisposableIncomePerCapitaFen, s.Source, s.SourceDate);

    /// <summary>404 for an unknown region, 403 outside the caller's region.</summary>
    public async Task RegionInScopeAsync(UserContext user, string regionCode, CancellationToken ct)
    {
        if (!RegionCode.IsValid(regionCode)) { throw ValidationFailedException.For("regionCode", "区划代码应为12位数字"); }
        if (!await db.Regions.AnyAsync(x => x.Code == regionCode, ct)) { throw new NotFoundException("区划"); }
        IndicatorValuesHandler.EnsureInScope(user, regionCode);
    }
}
