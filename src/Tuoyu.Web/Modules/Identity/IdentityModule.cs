using Microsoft.AspNetCore.Identity;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Identity.Domain;
using Tuoyu.Web.Modules.Identity.Me;
using Tuoyu.Web.Modules.Identity.SignIn;
using Tuoyu.Web.Modules.Identity.TwoFactor;
using Tuoyu.Web.Modules.Identity.Users;

namespace Tuoyu.Web.Modules.Identity;

public static class IdentityModule
{
    public const string SmartScheme = "Tuoyu";

    public static IServiceCollection AddIdentityModule(this IServiceCollection services, IConfiguration config)
    {
        var section = config.GetSection("Security");
        var settings = section.Get<SecuritySettings>() ?? new SecuritySettings();
        services.Configure<SecuritySettings>(section);
        services.AddUserAdministration();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromMinutes(settings.IdleTimeoutMinutes))
            .AddIdentityCookies(b => b.ApplicationCookie!.Configure(o =>
            {
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.AccessDeniedPath = "/forbidden";
                o.Cookie.Name = "tuoyu.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // 30-minute idle timeout (等保三级 assessors' reading; security.md).
                o.ExpireTimeSpan = TimeSpan.FromMinutes(settings.IdleTimeoutMinutes);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
            }));

        services.AddIdentityCore<AppUser>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = settings.MaxFailedAccessAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(settings.LockoutMinutes);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddPasswordValidator<RegulatorPasswordValidator>();
        // The stamp is checked on every request by CurrentUser; this also refreshes cookies quickly.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorizationBuilder().AddPermissionPolicies();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<SignOutHandler>();
        services.AddScoped<SignInHandler>();
        services.AddScoped<TwoFactorHandler>();
        services.AddScoped<Contracts.IParentAccounts, Lookup.ParentAccounts>();
        return services;
    }

    public static IEndpointRouteBuilder MapIdentityModule(this IEndpointRouteBuilder app)
    {
        app.MapUserAdministration();
        var auth = app.MapGroup("/api/v1/auth").WithTags("认证");
        auth.MapPost("/token", TokenEndpoint.Handle).AllowAnonymous().RequireRateLimiting("sign-in")
            .WithSummary("用户名密码（及动态验证码）换取访问令牌");
        auth.MapPost("/two-factor/setup", async (CurrentUser current, TwoFactorHandler h, CancellationToken ct) =>
                TypedResults.Ok(await h.SetupAsync((await current.RequireAsync(ct)).Id)))
            .RequirePermission(Permissions.SelfManage).WithSummary("获取身份验证器密钥");
        auth.MapPost("/two-factor/enable", async (TwoFactorEnableRequest r, CurrentUser current, TwoFactorHandler h, CancellationToken ct) =>
            {
                await h.EnableAsync((await current.RequireAsync(ct)).Id, r.Code);
                return TypedResults.NoContent();
            })
            .RequirePermission(Permissions.SelfManage).WithSummary("确认并启用双因素认证");
        auth.MapPost("/logout", async (SignOutHandler h, CancellationToken ct) =>
            {
                await h.SignOutEverywhereAsync(ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(Permissions.SelfManage).WithSummary("退出登录（令牌与会话全部失效）");
        app.MapGet("/api/v1/me", MeEndpoint.Handle).RequirePermission(Permissions.SelfManage).WithTags("认证").WithSummary("当前用户与权限");
        return app;
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
