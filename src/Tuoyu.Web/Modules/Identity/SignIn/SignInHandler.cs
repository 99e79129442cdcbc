using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Tuoyu.Web.Common.Auditing;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Identity.Domain;

namespace Tuoyu.Web.Modules.Identity.SignIn;

public enum SignInStatus
{
    Succeeded,
    InvalidCredentials,
    LockedOut,
    TwoFactorCodeRequired,
    TwoFactorEnrollmentRequired,
}

public sealed record SignInOutcome(SignInStatus Status, ClaimsPrincipal? Principal = null, Guid? UserId = null)
{
    public string Code => Status switch
    {
        SignInStatus.InvalidCredentials => "auth.invalid_credentials",
        SignInStatus.LockedOut => "auth.locked_out",
        SignInStatus.TwoFactorCodeRequired => "auth.two_factor_required",
        SignInStatus.TwoFactorEnrollmentRequired => "auth.two_factor_enrollment_required",
        _ => "auth.ok",
    };

    public string Message => Status switch
    {
        SignInStatus.InvalidCredentials => "用户名、密码或验证码错误",
        SignInStatus.LockedOut => "登录失败次数过多，账号已临时锁定，请稍后再试",
        SignInStatus.TwoFactorCodeRequired => "请输入身份验证器中的6位动态验证码",
        SignInStatus.TwoFactorEnrollmentRequired => "监管账号须先绑定身份验证器（双因素认证）",
        _ => "登录成功",
    };
}

/// <summary>
/// One sign-in check for the login page and the token endpoint: password with lockout, then the
/// TOTP code where the account has two factors or policy requires them. Every attempt is audited.
/// </summary>
public sealed class SignInHandler(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IOptions<SecuritySettings> settings,
    Common.Seeding.DemoState demo,
    AuditLog audit)
{
    public async Task<SignInOutcome> AuthenticateAsync(string userName, string password, string? twoFactorCode, CancellationToken ct = default)
    {
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null || user.IsDisabled)
        {
            await audit.RecordAsync("login_failed", "AppUser", user?.Id.ToString(), "failure", "{\"reason\":\"unknown_or_disabled\"}", userName: Truncate(userName), ct: ct);
            return new SignInOutcome(SignInStatus.InvalidCredentials);
        }

        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            await audit.RecordAsync("login_failed", "AppUser", user.Id.ToString(), "failure", "{\"reason\":\"locked_out\"}", user.Id, user.UserName, ct);
            return new SignInOutcome(SignInStatus.LockedOut);
        }

        if (!check.Succeeded)
        {
            await audit.RecordAsync("login_failed", "AppUser", user.Id.ToString(), "failure", "{\"reason\":\"password\"}", user.Id, user.UserName, ct);
            return new SignInOutcome(SignInStatus.InvalidCredentials);
        }

        var twoFactorUsed = false;
        if (user.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(twoFactorCode))
            {
                return new SignInOutcome(SignInStatus.TwoFactorCodeRequired, UserId: user.Id);
            }

            if (!await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, twoFactorCode.Replace(" ", string.Empty, StringComparison.Ordinal)))
            {
                await users.AccessFailedAsync(user);
                await audit.RecordAsync("login_failed", "AppUser", user.Id.ToString(), "failure", "{\"reason\":\"totp\"}", user.Id, user.UserName, ct);
                return new SignInOutcome(await users.IsLockedOutAsync(user) ? SignInStatus.LockedOut : SignInStatus.InvalidCredentials);
            }

            twoFactorUsed = true;
        }
        else if (UserKinds.RequiresStrongAuthentication(user.Kind) && (settings.Value.RequireTwoFactorForRegulators ?? !demo.IsDemoDatabase))
        {
            return new SignInOutcome(SignInStatus.TwoFactorEnrollmentRequired, UserId: user.Id);
        }

        await users.ResetAccessFailedCountAsync(user);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim("amr", twoFactorUsed ? "mfa" : "pwd"));
        await audit.RecordAsync("login", "AppUser", user.Id.ToString(), "success", twoFactorUsed ? "{\"factors\":2}" : "{\"factors\":1}", user.Id, user.UserName, ct);
        return new SignInOutcome(SignInStatus.Succeeded, principal, user.Id);
    }

    private static string Truncate(string s) => s.Length > 50 ? s[..50] : s;
}
