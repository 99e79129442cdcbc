using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Registry.Lookup;

internal sealed class ClassDirectory(AppDbContext db) : IClassDirectory
{
    public Task<ClassInfo?> FindAsync(Guid classId, CancellationToken ct) =>
        db.Classes.AsNoTracking().Where(c => c.Id == classId)
            .Select(c => new ClassInfo(c.Id, c.InstitutionId, c.Name, c.Type, c.Capacity)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<ClassInfo>> OfInstitutionAsync(Guid institutionId, CancellationToken ct)
    {
        var rows = await db.Classes.AsNoTracking().Where(c => c.InstitutionId == institutionId)
            .Select(c => new ClassInfo(c.Id, c.InstitutionId, c.Name, c.Type, c.Capacity)).ToListAsync(ct);
        return [.. rows.OrderBy(c => c.Type).ThenBy(c => c.Name, StringComparer.Ordinal)];
    }

    public async Task<ClassInfo?> LockForPlacementAsync(Guid classId, CancellationToken ct)
    {
        var c = await db.Classes.FirstOrDefaultAsync(c => c.Id == classId, ct);
        if (c is null) { return null; }
        // AppDbContext bumps a modified IVersioned entity's Version and checks the one read (ADR 0014, 0023).
        db.Entry(c).Property(x => x.Version).IsModified = true;
        return new ClassInfo(c.Id, c.InstitutionId, c.Name, c.Type, c.Capacity);
    }
}
