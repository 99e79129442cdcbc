using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Registry.Domain;

namespace Tuoyu.Web.Modules.Registry.Lookup;

/// <summary>Three set-based queries for a region: institutions, 普惠 designations, filing events.</summary>
internal sealed class InstitutionStatusHistoryQuery(AppDbContext db) : IInstitutionStatusHistory
{
    public IQueryable<Guid> IdsInRegion(string regionCode)
    {
        var prefix = RegionCode.PrefixOf(regionCode);
        return db.Institutions.Where(i => i.RegionCode.StartsWith(prefix)).Select(i => i.Id);
    }

    public async Task<IReadOnlyList<InstitutionStatusHistory>> InRegionAsync(string regionCode, DateOnly until, CancellationToken ct)
    {
        var prefix = RegionCode.PrefixOf(regionCode);
        var ids = IdsInRegion(regionCode);
        var institutions = await db.Institutions.AsNoTracking().Where(i => i.RegionCode.StartsWith(prefix))
            .Select(i => new { i.Id, i.RegionCode, i.Ownership, i.FilingStatus, i.FiledOn }).ToListAsync(ct);
        var designations = (await db.Designations.AsNoTracking()
            .Where(d => d.Kind == DesignationKind.Inclusive && d.GrantedOn <= until && ids.Contains(d.InstitutionId))
            .Select(d => new { d.InstitutionId, d.GrantedOn, d.ValidUntil, d.WithdrawnOn })
            .ToListAsync(ct)).ToLookup(d => d.InstitutionId, d => new InclusivePeriod(d.GrantedOn, d.ValidUntil, d.WithdrawnOn));
        var cutoff = ChinaTime.StartOfDayUtc(until.AddDays(1));
        var filings = (await db.FilingEvents.AsNoTracking()
            .Where(f => f.At < cutoff && ids.Contains(f.InstitutionId))
            .OrderBy(f => f.At)
            .Select(f => new { f.InstitutionId, f.At, f.ToStatus })
            .ToListAsync(ct)).ToLookup(f => f.InstitutionId, f => new FilingStep(ChinaTime.DateOf(f.At), f.ToStatus == FilingStatus.Filed));
        return institutions.Select(i => new InstitutionStatusHistory(i.Id, i.RegionCode, i.Ownership == Ownership.Private,
            i.FilingStatus == FilingStatus.Filed, i.FiledOn, designations[i.Id].ToList(), filings[i.Id].ToList())).ToList();
    }

    public IQueryable<InstitutionReference> References() =>
        db.Institutions.Select(i => new InstitutionReference { Id = i.Id, Name = i.Name, CreditCode = i.CreditCode, RegionCode = i.RegionCode });
}
