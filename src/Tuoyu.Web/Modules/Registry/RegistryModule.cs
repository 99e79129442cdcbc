using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Registry.Classes;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Registry.Designations;
using Tuoyu.Web.Modules.Registry.Fees;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Filing;
using Tuoyu.Web.Modules.Registry.FilingDocuments;
using Tuoyu.Web.Modules.Registry.FilingQueue;
using Tuoyu.Web.Modules.Registry.Lookup;
using Tuoyu.Web.Modules.Registry.Institutions;
using Tuoyu.Web.Modules.Registry.PublicDirectory;
using Tuoyu.Web.Modules.Registry.Scope;

namespace Tuoyu.Web.Modules.Registry;

public static class RegistryModule
{
    public static IServiceCollection AddRegistryModule(this IServiceCollection services)
    {
        services.AddScoped<IInstitutionScope, InstitutionScope>();
        services.AddScoped<IInstitutionDirectory, InstitutionDirectory>();
        services.AddScoped<IInstitutionStatusHistory, InstitutionStatusHistoryQuery>();
        services.AddScoped<IClassDirectory, ClassDirectory>();
        services.AddScoped<IInstitutionSampling, InstitutionSampling>();
        services.AddScoped<IRegistryMeasures, IndicatorMeasures.RegistryMeasures>();
        services.AddScoped<InstitutionHandler>();
        services.AddScoped<PublicDirectoryHandler>();
        services.AddScoped<ClassHandler>();
        services.AddScoped<FilingHandler>();
        services.AddScoped<FilingDocumentHandler>();
        services.AddScoped<FilingQueueHandler>();
        services.AddScoped<DesignationHandler>();
        services.AddFees();
        services.AddScoped<InstitutionEditHandler>().AddScoped<InstitutionImportHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapRegistryModule(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/institutions").WithTags("机构");
        g.MapInstitutions();

        // Classes (班级): reads need institution read, writes institution update; scope as for the institution.
        g.MapGet("/{id:guid}/classes", (Guid id, ClassHandler h, CancellationToken ct) => h.ListAsync(id, ct))
            .RequirePermission(Permissions.InstitutionRead).WithSummary("机构的班级");
        g.MapGet("/{id:guid}/classes/{classId:guid}", (Guid id, Guid classId, ClassHandler h, CancellationToken ct) => h.GetAsync(id, classId, ct))
            .RequirePermission(Permissions.InstitutionRead).WithSummary("班级详情");
        g.MapPost("/{id:guid}/classes", async (Guid id, CreateClassRequest r, ClassHandler h, CancellationToken ct) =>
            {
                var c = await h.CreateAsync(id, r, ct);
                return TypedResults.Created($"/api/v1/institutions/{id}/classes/{c.Id}", c);
            })
            .RequirePermission(Permissions.InstitutionUpdate).WithSummary("新增班级（班额与托位合计受限）");
        g.MapPut("/{id:guid}/classes/{classId:guid}", (Guid id, Guid classId, UpdateClassRequest r, ClassHandler h, CancellationToken ct) =>
                h.UpdateAsync(id, classId, r, ct))
            .RequirePermission(Permissions.InstitutionUpdate).WithSummary("修改班级名称与额定人数");
        g.MapDelete("/{id:guid}/classes/{classId:guid}", async (Guid id, Guid classId, ClassHandler h, CancellationToken ct) =>
            {
                await h.DeleteAsync(id, classId, ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(Permissions.InstitutionUpdate).WithSummary("删除班级（有在托儿童时拒绝）");

        // Filing (备案): the institution's admin submits; a county-level (or higher) regulator reviews.
        g.MapGet("/{id:guid}/filing", (Guid id, FilingHandler h, CancellationToken ct) => h.GetAsync(id, ct))
            .RequirePermission(Permissions.InstitutionRead).WithSummary("机构备案状态与记录（新的在前）");
        g.MapPost("/{id:guid}/filing/submit", (Guid id, FilingStepRequest r, FilingHandler h, CancellationToken ct) => h.StepAsync(id, FilingAction.Submit, r, ct))
            .RequirePermission(Permissions.FilingSubmit).WithSummary("提交备案（未备案或已退回时）");
        g.MapPost("/{id:guid}/filing/approve", (Guid id, FilingStepRequest r, FilingHandler h, CancellationToken ct) => h.StepAsync(id, FilingAction.Approve, r, ct))
            .RequirePermission(Permissions.FilingReview).WithSummary("予以备案（县级及以上卫生健康部门）");
        g.MapPost("/{id:guid}/filing/return", (Guid id, FilingStepRequest r, FilingHandler h, CancellationToken ct) => h.StepAsync(id, FilingAction.Return, r, ct))
            .RequirePermission(Permissions.FilingReview).WithSummary("退回补正（须填写理由）");
        g.MapPost("/{id:guid}/filing/reject", (Guid id, FilingStepRequest r, FilingHandler h, CancellationToken ct) => h.StepAsync(id, FilingAction.Reject, r, ct))
            .RequirePermission(Permissions.FilingReview).WithSummary("不予备案（须填写理由）");
        g.MapPost("/{id:guid}/filing/revoke", (Guid id, FilingStepRequest r, FilingHandler h, CancellationToken ct) => h.StepAsync(id, FilingAction.Revoke, r, ct))
            .RequirePermission(Permissions.FilingReview).WithSummary("撤销备案（须填写理由）");
        g.MapFilingDocuments();
        app.MapFilingQueue();
        g.MapDesignations();
        g.MapFees();
        app.MapFeeGuidelines();
        app.MapPublicDirectory();
        return app;
    }
}
