using Tuoyu.Web.Modules.Regions.Browse;

namespace Tuoyu.Web.Modules.Regions;

public static class RegionsModule
{
    public static IServiceCollection AddRegionsModule(this IServiceCollection services) =>
        services.AddScoped<RegionHandler>().AddScoped<Contracts.IRegionDirectory>(sp => sp.GetRequiredService<RegionHandler>());

    public static IEndpointRouteBuilder MapRegionsModule(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/regions").WithTags("行政区划");
        g.MapGet("/", (RegionHandler h, CancellationToken ct) => h.ProvincesAsync(ct)).AllowAnonymous().WithSummary("省级区划");
        g.MapGet("/{code}", (string code, RegionHandler h, CancellationToken ct) => h.GetAsync(code, ct)).AllowAnonymous().WithSummary("区划详情");
        g.MapGet("/{code}/children", (string code, RegionHandler h, CancellationToken ct) => h.ChildrenAsync(code, ct)).AllowAnonymous().WithSummary("下级区划");
        return app;
    }
}
