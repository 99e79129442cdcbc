using Tuoyu.Web.Common.Security;

namespace Tuoyu.Web.Modules.Subsidies.Rules;

internal static class RuleEndpoints
{
    public static IEndpointRouteBuilder MapSubsidyRules(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/subsidies/rules").WithTags("补助");
        g.MapGet("/", (string? region, DateOnly? on, bool? all, RuleHandler h, CancellationToken ct) => h.ListAsync(region, on, all ?? false, ct))
            .RequirePermission(Permissions.SubsidyRuleRead).WithSummary("某地区适用的补助规则（含上级规则；默认为今日有效的）");
        g.MapPost("/", async (NewRuleRequest r, RuleHandler h, CancellationToken ct) =>
            {
                var rule = await h.CreateAsync(r, ct);
                return Results.Created($"/api/v1/subsidies/rules/{rule.Id}", rule);
            })
            .RequirePermission(Permissions.SubsidyRuleManage).WithSummary("新建补助规则（如区县加发补助）");
        g.MapPost("/{id:guid}/versions", async (Guid id, RuleVersionRequest r, RuleHandler h, CancellationToken ct) =>
            {
                var rule = await h.AddVersionAsync(id, r, ct);
                return Results.Created($"/api/v1/subsidies/rules/{rule.Id}", rule);
            })
            .RequirePermission(Permissions.SubsidyRuleManage).WithSummary("新增规则版本（调整标准；已生成的批次保留原版本）");
        return app;
    }
}
