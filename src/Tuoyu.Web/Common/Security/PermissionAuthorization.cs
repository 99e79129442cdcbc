using Microsoft.AspNetCore.Authorization;

namespace Tuoyu.Web.Common.Security;

/// <summary>Endpoint metadata naming the permission an endpoint requires; the architecture test reads it.</summary>
public sealed record PermissionMetadata(string Code);

/// <summary>Authorize attribute for pages: <c>@attribute [RequirePermission(Permissions.AuditRead)]</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RequirePermissionAttribute : AuthorizeAttribute
{
    public RequirePermissionAttribute(string code) : base(code) => Code = code;

    public string Code { get; }
}

internal sealed class PermissionRequirement(string code) : IAuthorizationRequirement
{
    public string Code { get; } = code;
}

/// <summary>Checks the permission against the account as it is in the database now, not as it was at sign-in.</summary>
internal sealed class PermissionHandler(CurrentUser currentUser) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var user = await currentUser.GetAsync();
        if (user is not null && user.Has(requirement.Code))
        {
            context.Succeed(requirement);
        }
    }
}

public static class PermissionEndpointExtensions
{
    /// <summary>Every endpoint declares a permission or anonymous access (architecture rule 5).</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string code)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new PermissionMetadata(code));
        builder.RequireAuthorization(code);
        return builder;
    }

    public static AuthorizationBuilder AddPermissionPolicies(this AuthorizationBuilder builder)
    {
        foreach (var code in Permissions.All)
        {
            builder.AddPolicy(code, p => p.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(code)));
        }

        return builder;
    }
}
