using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Registry.Domain;

namespace Tuoyu.Web.Modules.Registry.Lookup;

internal sealed class InstitutionDirectory(AppDbContext db) : IInstitutionDirectory
{
    public async Task<IReadOnlyDictionary<Guid, string>> InstitutionNamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? new Dictionary<Guid, string>()
            : await db.Institutions.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);

    public Task<CareServices> ServicesAsync(Guid institutionId, CancellationToken ct) =>
        db.Institutions.AsNoTracking().Where(i => i.Id == institutionId).Select(i => i.Services).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyDictionary<Guid, string>> MedicalInstitutionNamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? new Dictionary<Guid, string>()
            : await db.MedicalInstitutions.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);

    public async Task<IReadOnlyDictionary<Guid, InstitutionListing>> ListingsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) { return new Dictionary<Guid, InstitutionListing>(); }
        var list = ids.ToList();
        return await db.Institutions.AsNoTracking().Where(i => list.Contains(i.Id))
            .Select(i => new InstitutionListing(i.Id, i.Name, i.RegionCode, i.Services, i.FilingStatus == FilingStatus.Filed))
            .ToDictionaryAsync(i => i.Id, ct);
    }

    public async Task<IReadOnlyList<InstitutionListing>> SearchFiledAsync(string? name, string? regionPrefix, int take, CancellationToken ct)
    {
        var q = db.Institutions.AsNoTracking().Where(i => i.FilingStatus == FilingStatus.Filed);
        if (!string.IsNullOrWhiteSpace(name)) { var n = name.Trim(); q = q.Where(i => i.Name.Contains(n)); }
        if (!string.IsNullOrWhiteSpace(regionPrefix))
        {
            // A range on the 12-digit code, as the public directory searches a region (index-friendly on both databases).
            var (low, high) = (regionPrefix.PadRight(12, '0'), regionPrefix.PadRight(12, '9'));
            q = q.Where(i => string.Compare(i.RegionCode, low) >= 0 && string.Compare(i.RegionCode, high) <= 0);
        }

        return await q.OrderBy(i => i.Name).Take(take)
            .Select(i => new InstitutionListing(i.Id, i.Name, i.RegionCode, i.Services, true)).ToListAsync(ct);
    }
}
