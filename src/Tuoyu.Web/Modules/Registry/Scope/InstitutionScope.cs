using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Registry.Scope;

/// <summary>
/// Architecture rule 6: a regulator's scope is a region-code prefix, an institution user's its
/// institution, a medical user's the institutions with an unrevoked agreement; others see none.
/// </summary>
internal sealed class InstitutionScope(AppDbContext db) : IInstitutionScope
{
    public IQueryable<Guid> IdsInScope(UserContext user)
    {
        switch (user.Kind)
        {
            case UserKind.Regulator when user.RegionCode is { } code:
                var prefix = RegionCode.PrefixOf(code);
                return db.Institutions.Where(i => i.RegionCode.StartsWith(prefix)).Select(i => i.Id);
            case UserKind.InstitutionAdmin or UserKind.InstitutionStaff when user.InstitutionId is { } id:
                return db.Institutions.Where(i => i.Id == id).Select(i => i.Id);
            case UserKind.Medical when user.MedicalInstitutionId is { } med:
                return db.MedicalAgreements.Where(a => a.MedicalInstitutionId == med && a.RevokedOn == null).Select(a => a.InstitutionId);
            default:
                return db.Institutions.Where(_ => false).Select(i => i.Id);
        }
    }

    public async Task<InstitutionTotals> TotalsAsync(IQueryable<Guid> institutionIds, CancellationToken ct)
    {
        var rows = await db.Institutions.Where(i => institutionIds.Contains(i.Id))
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Slots = g.Sum(i => i.RegisteredSlots) })
            .FirstOrDefaultAsync(ct);
        return new InstitutionTotals(rows?.Count ?? 0, rows?.Slots ?? 0);
    }
}
