using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Modules.Enrollment.Contracts;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Enrollment.IndicatorMeasures;

/// <summary>Enrollments covering the date (a paused child keeps the place), counted per group in one query.</summary>
internal sealed class EnrollmentMeasures(AppDbContext db) : IEnrollmentMeasures
{
    public async Task<Dictionary<TKey, int>> EnrolledAsync<TKey>(IQueryable<KeyedInstitution<TKey>> institutions, DateOnly date, CancellationToken ct) where TKey : notnull
    {
        var rows = await institutions
            .Join(db.Enrollments.Where(e => e.StartDate <= date && (e.EndDate == null || e.EndDate >= date)), k => k.Id, e => e.InstitutionId, (k, e) => k.Key)
            .GroupBy(key => key).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => r.Count);
    }
}
