using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Supervision.Inspectors;
using Tuoyu.Web.Modules.Supervision.Plans;
using Tuoyu.Web.Modules.Supervision.PublicDraws;

namespace Tuoyu.Web.Modules.Supervision;

/// <summary>Supervision (issue #7): inspectors, 双随机 plans and their reproducible, public draws (ADR 0030).</summary>
public static class SupervisionModule
{
    public static IServiceCollection AddSupervisionModule(this IServiceCollection services)
    {
        services.AddScoped<SupervisionScope>();
        services.AddScoped<InspectorHandler>();
        services.AddScoped<PlanHandler>();
        services.AddScoped<PublicDrawHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapSupervisionModule(this IEndpointRouteBuilder app)
    {
        var inspectors = app.MapGroup("/api/v1/inspectors").WithTags("双随机抽查");
        inspectors.MapPost("/", async (CreateInspectorRequest r, InspectorHandler h, CancellationToken ct) =>
            {
                var i = await h.CreateAsync(r, ct);
                return Results.Created($"/api/v1/inspectors/{i.Id}", i);
            })
            .RequirePermission(Permissions.InspectorManage).WithSummary("登记执法检查人员（检查人员名录库）");
        inspectors.MapGet("/", (InspectorHandler h, CancellationToken ct) => h.ListAsync(ct))
            .RequirePermission(Permissions.InspectorManage).WithSummary("可用的执法检查人员（本区划、下级及上级名录库）");

        var plans = app.MapGroup("/api/v1/inspection-plans").WithTags("双随机抽查");
        plans.MapPost("/", async (CreatePlanRequest r, PlanHandler h, CancellationToken ct) =>
            {
                var p = await h.CreateAsync(r, ct);
                return Results.Created($"/api/v1/inspection-plans/{p.Id}", p);
            })
            .RequirePermission(Permissions.InspectionPlanManage).WithSummary("制定双随机抽查计划（抽查范围、比例、检查人员库、公开随机种子）");
        plans.MapGet("/", (PlanHandler h, CancellationToken ct) => h.ListAsync(ct))
            .RequirePermission(Permissions.InspectionPlanManage).WithSummary("管辖范围内的抽查计划");
        plans.MapPost("/{id:guid}/draw", async (Guid id, PlanHandler h, PublicDrawHandler p, CancellationToken ct) =>
            {
                var drawId = await h.DrawAsync(id, ct);
                return Results.Created($"/api/v1/public/inspection-draws/{drawId}", await p.GetAsync(drawId, ct));
            })
            .RequirePermission(Permissions.InspectionPlanManage).WithSummary("执行抽取（每个计划只能抽取一次，结果公开可复核）");

        var pub = app.MapGroup("/api/v1/public/inspection-draws").WithTags("公开查询").AllowAnonymous();
        pub.MapGet("/", (PublicDrawHandler h, CancellationToken ct) => h.ListAsync(ct))
            .AllowAnonymous().WithSummary("双随机抽取结果公示列表");
        pub.MapGet("/{id:guid}", (Guid id, PublicDrawHandler h, CancellationToken ct) => h.GetAsync(id, ct))
            .AllowAnonymous().WithSummary("双随机抽取结果公示：随机种子、算法、全部输入与结果（不含个人信息）");
        pub.MapGet("/{id:guid}/verification", (Guid id, PublicDrawHandler h, CancellationToken ct) => h.VerifyAsync(id, ct))
            .AllowAnonymous().WithSummary("按公开的输入重新计算抽取结果，核对是否一致");
        return app;
    }
}
