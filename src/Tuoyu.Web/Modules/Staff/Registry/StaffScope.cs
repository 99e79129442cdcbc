using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Staff.Domain;

namespace Tuoyu.Web.Modules.Staff.Registry;

/// <summary>
/// Who may see a person: a caller with a post of theirs at an institution in scope (institution users: their own; regulators:
/// their region). Otherwise 404 — whether someone works elsewhere is private to those institutions and their regulators.
/// </summary>
internal sealed class StaffScope(AppDbContext db, IInstitutionScope institutions)
{
    public IQueryable<Guid> InstitutionIds(UserContext user) => institutions.IdsInScope(user);

    public async Task<StaffPerson> PersonInScopeAsync(UserContext user, Guid personId, bool tracked, CancellationToken ct, bool ownInstitutionOnly = false)
    {
        var ids = ownInstitutionOnly ? db.Staff.Where(_ => false).Select(m => m.InstitutionId) : InstitutionIds(user);
        if (ownInstitutionOnly && user.InstitutionId is { } own) { ids = institutions.IdsInScope(user).Where(i => i == own); }
        var visible = await db.Staff.AnyAsync(m => m.PersonId == personId && ids.Contains(m.InstitutionId), ct);
        if (!visible) { throw new NotFoundException("工作人员"); }
        var q = tracked ? db.StaffPersons : db.StaffPersons.AsNoTracking();
        return await q.FirstAsync(p => p.Id == personId, ct);
    }
}
