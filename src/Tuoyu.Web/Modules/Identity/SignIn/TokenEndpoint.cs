using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Tuoyu.Web.Common.Errors;

namespace Tuoyu.Web.Modules.Identity.SignIn;

public sealed record TokenRequest(string? UserName, string? Password, string? TwoFactorCode);

internal static class TokenEndpoint
{
    /// <summary>POST /api/v1/auth/token → { tokenType, accessToken, expiresIn, refreshToken } for Authorization: Bearer.</summary>
    public static async Task<Results<SignInHttpResult, ProblemHttpResult>> Handle(TokenRequest request, SignInHandler handler, CancellationToken ct)
    {
        new Validate()
            .Require("userName", request.UserName, "用户名", 100)
            .Require("password", request.Password, "密码", 200)
            .Optional("twoFactorCode", request.TwoFactorCode, "验证码", 10)
            .ThrowIfInvalid();
        var outcome = await handler.AuthenticateAsync(request.UserName!, request.Password!, request.TwoFactorCode, ct);
        if (outcome.Status == SignInStatus.Succeeded)
        {
            return TypedResults.SignIn(outcome.Principal!, authenticationScheme: IdentityConstants.BearerScheme);
        }

        return TypedResults.Problem(
            title: outcome.Message,
            statusCode: StatusCodes.Status401Unauthorized,
            extensions: new Dictionary<string, object?> { ["code"] = outcome.Code });
    }
}
