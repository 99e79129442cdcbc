using Microsoft.AspNetCore.Mvc;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Ui;

namespace Tuoyu.Web.Modules.Subsidies.Batches;

internal static class BatchEndpoints
{
    public static IEndpointRouteBuilder MapSubsidyBatches(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/subsidies/monthly-batches").WithTags("补助");
        g.MapPost("/", async (NewBatchRequest r, [FromHeader(Name = "Idempotency-Key")] string? key, BatchCommands h, CancellationToken ct) =>
            {
                try
                {
                    var (batch, created) = await h.CreateAsync(r, key, ct);
                    return created ? Results.Created($"/api/v1/subsidies/monthly-batches/{batch.Id}", batch) : Results.Ok(batch);
                }
                catch (IdempotencyMismatchException)
                {
                    return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "幂等键冲突",
                        detail: "相同的 Idempotency-Key 已用于另一请求", extensions: new Dictionary<string, object?> { ["code"] = "subsidy.idempotency_mismatch" });
                }
            })
            .RequirePermission(Permissions.SubsidyBatchManage)
            .WithSummary("生成月度入托补助批次（须辖区内有在托儿童的机构均已关账；支持 Idempotency-Key）");
        g.MapGet("/", (string? month, BatchQueries h, CancellationToken ct) => h.ListAsync(month, ct))
            .RequirePermission(Permissions.SubsidyBatchRead).WithSummary("补助批次列表（本辖区，可按月份筛选）");
        g.MapGet("/{id:guid}", (Guid id, BatchQueries h, CancellationToken ct) => h.GetAsync(id, ct))
            .RequirePermission(Permissions.SubsidyBatchRead).WithSummary("补助批次（状态与控制总数）");
        g.MapGet("/{id:guid}/lines", (Guid id, int? page, int? pageSize, string? q, Guid? institutionId, BatchQueries h, CancellationToken ct) =>
                h.LinesAsync(id, page, pageSize, q, institutionId, ct))
            .RequirePermission(Permissions.SubsidyBatchRead).WithSummary("补助批次明细（分页；可按机构或儿童姓名搜索，或按机构筛选）");
        g.MapGet("/{id:guid}/institutions", (Guid id, BatchQueries h, CancellationToken ct) => h.InstitutionTotalsAsync(id, ct))
            .RequirePermission(Permissions.SubsidyBatchRead).WithSummary("补助批次按机构汇总");
        g.MapGet("/{id:guid}/differences", (Guid id, BatchQueries h, CancellationToken ct) => h.DifferencesAsync(id, ct))
            .RequirePermission(Permissions.SubsidyBatchRead).WithSummary("与上月批次的差异（新增、减少、金额变化）");
        g.MapPost("/{id:guid}/recompute", (Guid id, BatchActionRequest? r, BatchCommands h, CancellationToken ct) => h.RecomputeAsync(id, r, ct))
            .RequirePermission(Permissions.SubsidyBatchManage).WithSummary("重算草稿批次（仅草稿）");
        g.MapPost("/{id:guid}/submit", (Guid id, BatchActionRequest? r, BatchWorkflowHandler h, CancellationToken ct) => h.SubmitAsync(id, r, ct))
            .RequirePermission(Permissions.SubsidyBatchManage).WithSummary("提交批次待审批");
        g.MapPost("/{id:guid}/approve", (Guid id, BatchActionRequest? r, BatchWorkflowHandler h, CancellationToken ct) => h.ApproveAsync(id, r, ct))
            .RequirePermission(Permissions.SubsidyBatchApprove).WithSummary("审批批次（须非提交人；确认控制总数并登记支付台账）");
        g.MapPost("/{id:guid}/return", (Guid id, BatchActionRequest? r, BatchWorkflowHandler h, CancellationToken ct) => h.ReturnAsync(id, r, ct))
            .RequirePermission(Permissions.SubsidyBatchApprove).WithSummary("退回批次为草稿（须填写原因）");
        g.MapPost("/{id:guid}/cancel", (Guid id, BatchActionRequest? r, BatchWorkflowHandler h, CancellationToken ct) => h.CancelAsync(id, r, ct))
            .RequirePermission(Permissions.SubsidyBatchManage).WithSummary("作废草稿或已提交的批次（须填写原因）");
        g.MapPost("/{id:guid}/export", async (Guid id, BatchActionRequest? r, BatchWorkflowHandler h, CancellationToken ct) =>
            {
                var (file, name) = await h.ExportAsync(id, r, ct);
                return TypedResults.File(file, ExcelExport.ContentType, name);
            })
            .RequirePermission(Permissions.SubsidyBatchManage).WithSummary("导出支付文件（Excel；导出前核对控制总数）");
        g.MapPost("/{id:guid}/mark-paid", (Guid id, BatchActionRequest? r, BatchWorkflowHandler h, CancellationToken ct) => h.MarkPaidAsync(id, r, ct))
            .RequirePermission(Permissions.SubsidyBatchManage).WithSummary("标记批次已支付");

        app.MapGet("/api/v1/subsidies/owed", (int? page, int? pageSize, string? month, BatchQueries h, CancellationToken ct) => h.OwedAsync(page, pageSize, month, ct))
            .WithTags("补助").RequirePermission(Permissions.SubsidyOwedRead).WithSummary("本机构应得补助明细（逐条列出计算依据）");
        return app;
    }
}
