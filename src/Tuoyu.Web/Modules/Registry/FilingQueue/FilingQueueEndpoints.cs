using Tuoyu.Web.Common.Security;

namespace Tuoyu.Web.Modules.Registry.FilingQueue;

internal static class FilingQueueEndpoints
{
    public static IEndpointRouteBuilder MapFilingQueue(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/filing").WithTags("备案审核")
            .MapGet("/queue", (string? region, string? status, int? page, int? pageSize, FilingQueueHandler h, CancellationToken ct) =>
                h.ListAsync(region, status, page ?? 1, pageSize ?? 20, ct))
            .RequirePermission(Permissions.FilingReview)
            .WithSummary("备案审核队列：管辖范围内某一备案状态（默认已提交）的机构，最早提交的在前（分页）");
        return app;
    }
}
