using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using Tuoyu.Web.Common.Auditing;

namespace Tuoyu.Web.Common.Security;

/// <summary>
/// Records every refused authorization (ASVS 16.3.2: log failed authorization) before the usual 403.
/// A sign-in that no longer stands (security stamp renewed by logout or enabling two factors, account
/// disabled or locked) is not "forbidden" but signed out: the cookie is removed and the caller challenged
/// (the login page, or 401 for the API), instead of a 403 page that still shows the old session.
/// </summary>
internal sealed class AuditingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            var permissions = policy.Requirements.OfType<PermissionRequirement>().Select(r => r.Code).ToArray();
            await context.RequestServices.GetRequiredService<AuditLog>().RecordAsync(
                "denied", "Endpoint", DeniedAudit.Target(context), "denied",
                JsonSerializer.Serialize(new { method = context.Request.Method, permissions }, AuditJson.Options));
        }

        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true
            && await context.RequestServices.GetRequiredService<CurrentUser>().GetAsync(context.RequestAborted) is null)
        {
            await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            await _default.HandleAsync(next, context, policy, PolicyAuthorizationResult.Challenge());
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}

internal static class DeniedAudit
{
    /// <summary>The request path, which by rule never holds personal data (ASVS 14.2.1), cut to the column size.</summary>
    public static string Target(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        return path.Length > 100 ? path[..100] : path;
    }
}
