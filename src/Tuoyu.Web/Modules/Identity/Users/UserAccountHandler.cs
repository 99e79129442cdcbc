using Tuoyu.Web.Modules.Identity.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Identity.Domain;

namespace Tuoyu.Web.Modules.Identity.Users;

/// <summary>
/// The system admin's account administration (identity:user:manage): create, change scope, disable,
/// enable, set a new password. Every change is a row update the audit interceptor records (secrets omitted).
/// </summary>
internal sealed class UserAccountHandler(UserManager<AppUser> users, UserRules rules, UserQueryHandler query, CurrentUser current, TimeProvider clock)
{
    public async Task<UserSummary> CreateAsync(CreateUserRequest r, CancellationToken ct)
    {
        await current.RequirePermissionAsync(Permissions.UserManage, ct);
        var userName = r.UserName?.Trim();
        var kindGiven = !string.IsNullOrWhiteSpace(r.Kind);
        var kindOk = UserKinds.TryParse(r.Kind, out var kind);
        var v = new Validate()
            .Require("userName", userName, "用户名", 50)
            .Check(string.IsNullOrEmpty(userName) || UserRules.IsValidUserName(userName), "userName", "用户名须为3至50位字母、数字或 . _ -")
            .Require("displayName", r.DisplayName, "名称", 50)
            .Check(kindGiven, "kind", "账号类型不能为空")
            .Check(!kindGiven || kindOk, "kind", "账号类型无效")
            .Require("password", r.Password, "初始密码", 128);
        var scope = kindOk ? await rules.ScopeAsync(v, kind, r.RegionCode, r.InstitutionId, r.MedicalInstitutionId, ct) : new AccountScope(null, null, null);
        var user = new AppUser
        {
            Id = Guid.NewGuid(), UserName = userName, DisplayName = r.DisplayName?.Trim() ?? string.Empty, Kind = kind,
            RegionCode = scope.RegionCode, InstitutionId = scope.InstitutionId, MedicalInstitutionId = scope.MedicalInstitutionId,
            PasswordChangedAt = clock.GetUtcNow().UtcDateTime,
        };
        if (kindOk) { await rules.CheckPasswordAsync(v, user, r.Password); }
        v.ThrowIfInvalid();
        if (await users.FindByNameAsync(userName!) is not null) { throw UserRules.NameTaken(); }
        IdentityResult result;
        try
        {
            result = await users.CreateAsync(user, r.Password!);
        }
        catch (DbUpdateException)
        {
            // Two administrators creating the same name at once: the unique index decides (ASVS 15.4.2).
            if (await users.Users.AnyAsync(u => u.NormalizedUserName == users.NormalizeName(userName) && u.Id != user.Id, ct)) { throw UserRules.NameTaken(); }
            throw;
        }

        UserRules.ThrowIfFailed(result);
        return await query.GetAsync(user.Id, ct);
    }

    /// <summary>
    /// Changes the scope field of the account's kind. The new security stamp ends the account's sessions, so a
    /// token issued under the old scope is refused at once rather than seeing either scope (ASVS 8.3.2 ★).
    /// </summary>
    public async Task<UserSummary> ChangeScopeAsync(Guid id, ChangeScopeRequest r, CancellationToken ct)
    {
        var me = await current.RequirePermissionAsync(Permissions.UserManage, ct);
        new Validate().Require("version", r.Version, "版本号", 100).ThrowIfInvalid();
        var user = await rules.LoadOtherAsync(me, id);
        if (UserKinds.ScopeOf(user.Kind) == ScopeField.None)
        {
            throw new RuleViolationException("identity.kind_has_no_scope", $"{UserKinds.Name(user.Kind)}账号没有可修改的数据范围");
        }

        var v = new Validate();
        var scope = await rules.ScopeAsync(v, user.Kind, r.RegionCode, r.InstitutionId, r.MedicalInstitutionId, ct);
        v.ThrowIfInvalid();
        // The store's update checks the loaded stamp again in its WHERE clause, so this check cannot race.
        if (user.ConcurrencyStamp != r.Version!.Trim()) { throw UserRules.Conflict(); }
        user.RegionCode = scope.RegionCode;
        user.InstitutionId = scope.InstitutionId;
        user.MedicalInstitutionId = scope.MedicalInstitutionId;
        UserRules.ThrowIfFailed(await users.UpdateSecurityStampAsync(user));
        return await query.GetAsync(id, ct);
    }

    /// <summary>Disabling renews the security stamp: the account's cookies and tokens stop working at once (ASVS 7.4.2).</summary>
    public async Task<UserSummary> DisableAsync(Guid id, CancellationToken ct)
    {
        var me = await current.RequirePermissionAsync(Permissions.UserManage, ct);
        var user = await rules.LoadOtherAsync(me, id);
        if (!user.IsDisabled)
        {
            user.IsDisabled = true;
            UserRules.ThrowIfFailed(await users.UpdateSecurityStampAsync(user));
        }

        return await query.GetAsync(id, ct);
    }

    public async Task<UserSummary> EnableAsync(Guid id, CancellationToken ct)
    {
        var me = await current.RequirePermissionAsync(Permissions.UserManage, ct);
        var user = await rules.LoadOtherAsync(me, id);
        if (user.IsDisabled)
        {
            user.IsDisabled = false;
            UserRules.ThrowIfFailed(await users.UpdateAsync(user));
        }

        return await query.GetAsync(id, ct);
    }

    /// <summary>Sets a new initial password (the user forgot theirs); sessions under the old one end.</summary>
    public async Task<UserSummary> SetPasswordAsync(Guid id, SetPasswordRequest r, CancellationToken ct)
    {
        var me = await current.RequirePermissionAsync(Permissions.UserManage, ct);
        new Validate().Require("password", r.Password, "新密码", 128).ThrowIfInvalid();
        var user = await rules.LoadOtherAsync(me, id);
        var v = new Validate();
        await rules.CheckPasswordAsync(v, user, r.Password);
        v.ThrowIfInvalid();
        user.PasswordHash = users.PasswordHasher.HashPassword(user, r.Password!);
        // PasswordChangedAt is what the audit record shows for this change (the hash itself is never logged).
        user.PasswordChangedAt = clock.GetUtcNow().UtcDateTime;
        UserRules.ThrowIfFailed(await users.UpdateSecurityStampAsync(user));
        return await query.GetAsync(id, ct);
    }
}
