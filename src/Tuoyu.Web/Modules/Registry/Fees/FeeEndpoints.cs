using Tuoyu.Web.Common.Security;

namespace Tuoyu.Web.Modules.Registry.Fees;

internal static class FeeEndpoints
{
    public static IServiceCollection AddFees(this IServiceCollection services) =>
        services.AddScoped<FeeHandler>().AddScoped<FeeGuidelineHandler>().AddScoped<PublicFeeQuery>();

    /// <summary>Fees under /api/v1/institutions/{id}: the institution's admin or a regulator over it.</summary>
    public static RouteGroupBuilder MapFees(this RouteGroupBuilder g)
    {
        g.MapGet("/{id:guid}/fees", (Guid id, FeeHandler h, CancellationToken ct) => h.GetAsync(id, ct))
            .RequirePermission(Permissions.InstitutionRead).WithSummary("机构收费标准（分/月）");
        g.MapPut("/{id:guid}/fees", (Guid id, ReplaceFeesRequest r, FeeHandler h, CancellationToken ct) => h.ReplaceAsync(id, r, ct))
            .RequirePermission(Permissions.InstitutionUpdate).WithSummary("整体替换机构收费标准（普惠机构须在指导价之内）");
        return g;
    }

    /// <summary>/api/v1/fee-guidelines: published price policy, set by county-level (or higher) regulators for their own region.</summary>
    public static IEndpointRouteBuilder MapFeeGuidelines(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/fee-guidelines").WithTags("收费指导价");
        g.MapGet("/", (string? region, FeeGuidelineHandler h, CancellationToken ct) => h.ListAsync(region, ct))
            .RequirePermission(Permissions.InstitutionRead).WithSummary("普惠收费指导价（可按区划筛选）");
        g.MapPost("/", async (CreateFeeGuidelineRequest r, FeeGuidelineHandler h, CancellationToken ct) =>
            {
                var created = await h.CreateAsync(r, ct);
                return TypedResults.Created($"/api/v1/fee-guidelines/{created.Id}", created);
            })
            .RequirePermission(Permissions.FeeGuidelineManage).WithSummary("设定本级辖区的普惠收费指导价（执行期不得重叠）");
        g.MapPut("/{id:guid}", (Guid id, UpdateFeeGuidelineRequest r, FeeGuidelineHandler h, CancellationToken ct) => h.UpdateAsync(id, r, ct))
            .RequirePermission(Permissions.FeeGuidelineManage).WithSummary("修改或终止普惠收费指导价");
        return app;
    }
}
