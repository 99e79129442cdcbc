using Microsoft.AspNetCore.Identity;
using Tuoyu.Web.Common.Auditing;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Identity.Domain;

namespace Tuoyu.Web.Modules.Identity.SignIn;

/// <summary>
/// Logout ends the account's sessions (ASVS 7.4.1): renewing the security stamp invalidates every cookie
/// and bearer token issued before, on every device — CurrentUser compares the stamp on each request.
/// </summary>
public sealed class SignOutHandler(CurrentUser current, UserManager<AppUser> users, AuditLog audit)
{
    public async Task SignOutEverywhereAsync(CancellationToken ct)
    {
        var me = await current.GetAsync(ct);
        if (me is null) { return; }
        var user = await users.FindByIdAsync(me.Id.ToString());
        if (user is null) { return; }
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync("logout", "AppUser", user.Id.ToString(), "success", ct: ct);
    }
}
