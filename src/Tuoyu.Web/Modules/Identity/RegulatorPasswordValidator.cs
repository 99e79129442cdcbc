using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Identity.Domain;

namespace Tuoyu.Web.Modules.Identity;

/// <summary>
/// MLPS (GB/T 22239-2019 8.1.4.1 a) asks for password complexity; ASVS 5.0 forbids composition rules.
/// ADR 0006: complexity applies to regulator accounts by default (Security:RegulatorPasswordComplexity).
/// </summary>
internal sealed class RegulatorPasswordValidator(IOptions<SecuritySettings> settings) : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (!UserKinds.RequiresStrongAuthentication(user.Kind) || !settings.Value.RegulatorPasswordComplexity || password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var classes = (password.Any(char.IsAsciiLetterUpper) ? 1 : 0) + (password.Any(char.IsAsciiLetterLower) ? 1 : 0)
            + (password.Any(char.IsAsciiDigit) ? 1 : 0) + (password.Any(c => !char.IsAsciiLetterOrDigit(c)) ? 1 : 0);
        return Task.FromResult(password.Length >= 8 && classes >= 3
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordComplexity", Description = "监管账号密码至少8位，且包含大写字母、小写字母、数字、符号中的三类" }));
    }
}
