using System.Threading.RateLimiting;
using BootstrapBlazor.Components;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using Tuoyu.Web.Common.Auditing;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Health;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Seeding;
using Tuoyu.Web.Components;
using Tuoyu.Web.Modules.Identity;

namespace Tuoyu.Web.Common.Hosting;

/// <summary>Cross-cutting wiring: errors, OpenAPI, health, audit, data protection, pages, rate limits.</summary>
public static class PlatformHosting
{
    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration config, IWebHostEnvironment env, SeedSettings seed)
    {
        var dataDir = Path.GetFullPath(Path.Combine(env.ContentRootPath, config["DataDirectory"] ?? "data"));
        services.AddSingleton(seed);
        services.AddSingleton<DemoState>();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddSingleton<AuditChainSignal>();
        services.AddHostedService<AuditChainSealer>();
        services.AddScoped<AuditLog>();
        services.AddSingleton(SensitiveDataProtector.FromConfiguration(config, dataDir));
        services.AddDataProtection().SetApplicationName("Tuoyu").PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDir, "keys", "dataprotection")));
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddBootstrapBlazor();
        services.AddCascadingAuthenticationState();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy("sign-in", ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = config.GetValue("Security:SignInRatePerMinute", 60), Window = TimeSpan.FromMinutes(1) }));
        });
        return services;
    }

    public static async Task MigrateAndExitAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(force: true);
        app.Logger.LogInformation("Database migrated.");
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app, SeedSettings seed)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var init = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await init.MigrateAsync();
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        var seedDemo = seed.Mode == SeedMode.Demo || (seed.Mode == SeedMode.Auto && init.CreatedFresh && settings.Provider == DatabaseProvider.Sqlite);
        var seeder = ActivatorUtilities.CreateInstance<Modules.Demo.DemoSeeder>(scope.ServiceProvider);
        if (seedDemo) { await seeder.SeedIfEmptyAsync(seed.Scale, seed.DemoPassword); }
        await seeder.PrintDemoAccountsAsync(seed.DemoPassword);
        app.Services.GetRequiredService<DemoState>().IsDemoDatabase = await seeder.IsDemoDatabaseAsync();
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(async (ctx, next) =>
        {
            // Pages and API answers may carry personal data: never cached (security.md).
            ctx.Response.OnStarting(() =>
            {
                if (!ctx.Response.Headers.ContainsKey("Cache-Control")) { ctx.Response.Headers.CacheControl = "no-store"; }
                ctx.Response.Headers.XContentTypeOptions = "nosniff";
                ctx.Response.Headers["Referrer-Policy"] = "no-referrer";
                ctx.Response.Headers.XFrameOptions = "DENY";
                return Task.CompletedTask;
            });
            await next();
        });
        // A Chinese-only platform: zh-CN for every request and Blazor circuit, whatever the server's locale
        // (LANG=C.UTF-8 gives the invariant culture, where BootstrapBlazor's date picker cannot render).
        app.UseRequestLocalization("zh-CN");
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapPlatform(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/docs").AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }

    public static WebApplication MapPages(this WebApplication app)
    {
        app.MapPost("/logout", async (HttpContext ctx, Modules.Identity.SignIn.SignOutHandler handler, CancellationToken ct) =>
            {
                await handler.SignOutEverywhereAsync(ct);
                await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignOutAsync(ctx, Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme);
                return TypedResults.LocalRedirect("/login");
            })
            .RequirePermission(Permissions.SelfManage);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
