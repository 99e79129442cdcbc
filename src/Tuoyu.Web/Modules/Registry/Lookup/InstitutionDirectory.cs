using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Modules.Registry.Contracts;

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
}
