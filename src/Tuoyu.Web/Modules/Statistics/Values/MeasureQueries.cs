using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Modules.Enrollment.Contracts;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Staff.Contracts;
using Tuoyu.Web.Modules.Statistics.Contracts;
using Tuoyu.Web.Modules.Statistics.Domain;

namespace Tuoyu.Web.Modules.Statistics.Values;

/// <summary>
/// Every measure of <see cref="Measures"/> as of a date for groups of the institutions under a region prefix, from the owning
/// modules' contracts (Registry, Enrollment, Staff), each a few grouped queries — never a loop over institutions (issue #6:
/// the whole table for any region of the province world in under 200 ms) — and base statistics from this module.
/// </summary>
internal sealed class MeasureQueries(AppDbContext db, IRegistryMeasures registry, IEnrollmentMeasures enrollment, IStaffMeasures staff)
{
    /// <summary>Measures per sub-region: the key is the first <paramref name="keyLength"/> digits of the street code.</summary>
    public async Task<Dictionary<string, Dictionary<string, decimal>>> ByRegionPrefixAsync(string prefix, int keyLength, DateOnly date, CancellationToken ct)
    {
        var result = await registry.ByRegionAsync(prefix, keyLength, date, ct);
        await AddPeopleAsync(result, registry.OpenByRegion(prefix, keyLength, date), date, ct);
        return result;
    }

    /// <summary>Measures per institution under the prefix.</summary>
    public async Task<Dictionary<Guid, Dictionary<string, decimal>>> ByInstitutionAsync(string prefix, DateOnly date, CancellationToken ct)
    {
        var result = await registry.ByInstitutionAsync(prefix, date, ct);
        await AddPeopleAsync(result, registry.OpenByInstitution(prefix, date), date, ct);
        return result;
    }

    public Task<IReadOnlyList<OpenInstitution>> OpenInstitutionsAsync(string prefix, DateOnly date, CancellationToken ct) => registry.OpenInstitutionsAsync(prefix, date, ct);

    private async Task AddPeopleAsync<TKey>(Dictionary<TKey, Dictionary<string, decimal>> result, IQueryable<KeyedInstitution<TKey>> institutions, DateOnly date, CancellationToken ct)
        where TKey : notnull
    {
        Dictionary<string, decimal> Of(TKey key) => result.TryGetValue(key, out var m) ? m : result[key] = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (key, count) in await enrollment.EnrolledAsync(institutions, date, ct)) { Of(key)[Measures.EnrolledChildren] = count; }
        foreach (var (key, (carers, certified)) in await staff.CarersAsync(institutions, date, ct))
        {
            Of(key)[Measures.Carers] = carers;
            Of(key)[Measures.CertifiedCarers] = certified;
        }

        // Register counts are zero, not unknown, for a group that has institutions but none of the kind.
        foreach (var m in result.Values)
        {
            foreach (var measure in Measures.Counted) { m.TryAdd(measure, 0); }
        }
    }

    /// <summary>
    /// Base statistics for the regions: per measure, the region's own latest figure of a year up to <paramref name="year"/>
    /// (never a sum of lower regions, which may be incomplete). Missing figures stay missing.
    /// </summary>
    public async Task<Dictionary<string, Dictionary<string, (decimal Value, int Year)>>> StatisticsAsync(IReadOnlyCollection<string> regionCodes, int year, CancellationToken ct)
    {
        var rows = await db.RegionStatistics.AsNoTracking().Where(s => regionCodes.Contains(s.RegionCode) && s.Year <= year).ToListAsync(ct);
        var result = new Dictionary<string, Dictionary<string, (decimal, int)>>(StringComparer.Ordinal);
        foreach (var region in rows.GroupBy(r => r.RegionCode))
        {
            var m = new Dictionary<string, (decimal, int)>(StringComparer.Ordinal);
            void Take(string measure, Func<RegionStatistic, long?> field)
            {
                var latest = region.Where(r => field(r) is not null).MaxBy(r => r.Year);
                if (latest is not null) { m[measure] = (field(latest)!.Value, latest.Year); }
            }

            Take(Measures.ResidentPopulation, r => r.ResidentPopulation);
            Take(Measures.ChildrenUnder3, r => r.ChildrenUnder3);
            Take(Measures.Births, r => r.Births);
            Take(Measures.DisposableIncome, r => r.DisposableIncomePerCapitaFen);
            result[region.Key] = m;
        }

        return result;
    }
}
