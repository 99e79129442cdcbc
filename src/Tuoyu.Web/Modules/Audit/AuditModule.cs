using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Audit.Search;

namespace Tuoyu.Web.Modules.Audit;

public static class AuditModule
{
    public static IServiceCollection AddAuditModule(this IServiceCollection services) => services.AddScoped<AuditSearchHandler>();

    public static IEndpointRouteBuilder MapAuditModule(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/audit").WithTags("审计");
        g.MapGet("/entries", ([Microsoft.AspNetCore.Http.AsParameters] AuditQueryParameters p, AuditSearchHandler h, CancellationToken ct) =>
                h.SearchAsync(new AuditQuery(p.UserName, p.Action, p.EntityType, p.EntityId, p.Outcome, p.From, p.To, p.Page ?? 1, p.PageSize ?? 50), ct))
            .RequirePermission(Permissions.AuditRead).WithSummary("检索审计日志");
        g.MapGet("/verify", (AuditSearchHandler h, CancellationToken ct) => h.VerifyAsync(ct))
            .RequirePermission(Permissions.AuditVerify).WithSummary("校验审计日志哈希链");
        return app;
    }
}

public sealed record AuditQueryParameters(string? UserName, string? Action, string? EntityType, string? EntityId, string? Outcome, DateOnly? From, DateOnly? To, int? Page, int? PageSize);
