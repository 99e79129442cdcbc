using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Modules.Identity.Domain;

namespace Tuoyu.Web.Modules.Identity.TwoFactor;

public sealed record TwoFactorSetupResponse(string SharedKey, string AuthenticatorUri, bool Enabled);

public sealed record TwoFactorEnableRequest(string? Code);

/// <summary>TOTP enrolment (RFC 6238, any authenticator app): show a key, confirm with a first code.</summary>
public sealed class TwoFactorHandler(UserManager<AppUser> users, IUserStore<AppUser> store)
{
    public async Task<TwoFactorSetupResponse> SetupAsync(Guid userId)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new NotFoundException("用户");
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Not ResetAuthenticatorKeyAsync: that also renews the security stamp and would sign the
            // user out of the session they are enrolling from. Enabling two factors does renew it.
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
            await users.UpdateAsync(user);
        }

        var uri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString("托育平台")}:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer={Uri.EscapeDataString("托育平台")}&digits=6");
        return new TwoFactorSetupResponse(key!, uri, user.TwoFactorEnabled);
    }

    public async Task EnableAsync(Guid userId, string? code)
    {
        new Validate().Require("code", code, "验证码", 10).ThrowIfInvalid();
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new NotFoundException("用户");
        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            throw new RuleViolationException("auth.two_factor_not_set_up", "请先获取身份验证器密钥");
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code!.Replace(" ", string.Empty, StringComparison.Ordinal)))
        {
            throw ValidationFailedException.For("code", "验证码错误或已过期");
        }

        await users.SetTwoFactorEnabledAsync(user, true);
    }
}
