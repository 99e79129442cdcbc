using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Modules.Identity.Contracts;

namespace Tuoyu.Web.Modules.Identity.Lookup;

internal sealed class ParentAccounts(AppDbContext db) : IParentAccounts
{
    public async Task<Guid?> FindParentAsync(string userName, CancellationToken ct)
    {
        var normalized = userName.Trim().ToUpperInvariant();
        var id = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized && u.Kind == UserKind.Parent && !u.IsDisabled)
            .Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        return id;
    }
}
