using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Registry.Domain;

namespace Tuoyu.Web.Modules.Registry.Scope;

internal static class InstitutionLoading
{
    /// <summary>
    /// The caller and the institution, for a command on it: 404 when there is none, 403 when it lies outside the
    /// caller's scope — institutions are public records, so their existence is not private (unlike a child's).
    /// </summary>
    public static async Task<(UserContext User, Institution Institution)> LoadInstitutionInScopeAsync(
        this AppDbContext db, IInstitutionScope scope, CurrentUser current, Guid id, bool tracked, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var q = tracked ? db.Institutions : db.Institutions.AsNoTracking();
        var institution = await q.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("机构");
        if (!await scope.IdsInScope(user).AnyAsync(x => x == id, ct)) { throw new ForbiddenException("该机构不在您的管辖范围内"); }
        return (user, institution);
    }
}
