using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Staff.Contracts;
using Tuoyu.Web.Modules.Staff.Domain;

namespace Tuoyu.Web.Modules.Staff.IndicatorMeasures;

/// <summary>保育师 and 育婴员 employed on the date, and those of them with a certificate valid that day, per group.</summary>
internal sealed class StaffMeasures(AppDbContext db) : IStaffMeasures
{
    public async Task<Dictionary<TKey, (int Carers, int Certified)>> CarersAsync<TKey>(IQueryable<KeyedInstitution<TKey>> institutions, DateOnly date, CancellationToken ct)
        where TKey : notnull
    {
        var rows = await institutions
            .Join(db.Staff.Where(s => (s.Role == StaffRole.Carer || s.Role == StaffRole.InfantCarer) && s.HiredOn <= date && (s.LeftOn == null || s.LeftOn >= date)),
                k => k.Id, s => s.InstitutionId,
                (k, s) => new { k.Key, Certified = s.CertificateNumber != null && s.CertificateNumber != "" && (s.CertificateExpiresOn == null || s.CertificateExpiresOn >= date) ? 1 : 0 })
            .GroupBy(x => x.Key).Select(g => new { g.Key, Count = g.Count(), Certified = g.Sum(x => x.Certified) }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => (r.Count, r.Certified));
    }
}
