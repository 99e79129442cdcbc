using Microsoft.AspNetCore.Identity;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Identity.Domain;

namespace Tuoyu.Web.Modules.Identity.Users;

/// <summary>The security admin's account actions (identity:user:unlock): end a lockout, reset two-factor authentication.</summary>
internal sealed class UserSecurityHandler(UserManager<AppUser> users, IUserStore<AppUser> store, UserRules rules, UserQueryHandler query, CurrentUser current)
{
    // Where Identity's EF store keeps the authenticator key and recovery codes (UserStoreBase constants).
    private const string IdentityTokenProvider = "[AspNetUserStore]";

    public async Task<UserSummary> UnlockAsync(Guid id, CancellationToken ct)
    {
        var me = await current.RequirePermissionAsync(Permissions.UserUnlock, ct);
        var user = await rules.LoadOtherAsync(me, id);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        UserRules.ThrowIfFailed(await users.UpdateAsync(user));
        return await query.GetAsync(id, ct);
    }

    /// <summary>
    /// Turns two factors off and deletes the authenticator key and recovery codes in one save, so the user
    /// enrols a new authenticator (a regulator is led through it at the next sign-in). Sessions end too.
    /// </summary>
    public async Task<UserSummary> ResetTwoFactorAsync(Guid id, CancellationToken ct)
    {
        var me = await current.RequirePermissionAsync(Permissions.UserUnlock, ct);
        var user = await rules.LoadOtherAsync(me, id);
        var tokens = (IUserAuthenticationTokenStore<AppUser>)store;
        await tokens.RemoveTokenAsync(user, IdentityTokenProvider, "AuthenticatorKey", ct);
        await tokens.RemoveTokenAsync(user, IdentityTokenProvider, "RecoveryCodes", ct);
        user.TwoFactorEnabled = false;
        UserRules.ThrowIfFailed(await users.UpdateSecurityStampAsync(user));
        return await query.GetAsync(id, ct);
    }
}
