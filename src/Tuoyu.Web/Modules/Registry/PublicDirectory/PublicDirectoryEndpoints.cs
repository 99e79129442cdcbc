namespace Tuoyu.Web.Modules.Registry.PublicDirectory;

/// <summary>The public directory's API: anonymous, filed institutions only, business information only (ADR 0013, 0020).</summary>
internal static class PublicDirectoryEndpoints
{
    public static IEndpointRouteBuilder MapPublicDirectory(this IEndpointRouteBuilder app)
    {
        var p = app.MapGroup("/api/v1/public/institutions").WithTags("公开查询").AllowAnonymous();
        p.MapGet("/", ([AsParameters] PublicSearchQuery query, PublicDirectoryHandler h, CancellationToken ct) => h.SearchAsync(query, ct))
            .AllowAnonymous()
            .WithSummary("已备案托育机构查询（公开，分页；可按区域、类型、普惠、月龄、空位、全日托月收费（元）、距离（经纬度或街道参考点）筛选）");
        p.MapGet("/{id:guid}", (Guid id, PublicDirectoryHandler h, CancellationToken ct) => h.GetAsync(id, ct))
            .AllowAnonymous().WithSummary("已备案托育机构公开信息（班级空位、收费、认定、服务与开放时间）");
        return app;
    }
}
