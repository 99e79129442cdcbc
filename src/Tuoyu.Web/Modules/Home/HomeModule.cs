using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Home.Summary;

namespace Tuoyu.Web.Modules.Home;

public static class HomeModule
{
    public static IServiceCollection AddHomeModule(this IServiceCollection services)
    {
        services.AddScoped<SummaryHandler>();
        services.AddScoped<ScopeNames>();
        return services;
    }

    public static IEndpointRouteBuilder MapHomeModule(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/summary", (SummaryHandler h, CancellationToken ct) => h.GetAsync(ct))
            .RequirePermission(Permissions.SummaryRead).WithTags("首页").WithSummary("管辖范围内的机构数、托位数、在托儿童数");
        return app;
    }
}
