using Tuoyu.Web.Common.Security;

namespace Tuoyu.Web.Modules.Registry.Designations;

internal static class DesignationEndpoints
{
    /// <summary>Designations under /api/v1/institutions/{id}: reads need institution read (and scope), writes a regulator of the right level.</summary>
    public static RouteGroupBuilder MapDesignations(this RouteGroupBuilder g)
    {
        g.MapGet("/{id:guid}/designations", (Guid id, DesignationHandler h, CancellationToken ct) => h.GetAsync(id, ct))
            .RequirePermission(Permissions.InstitutionRead).WithSummary("机构的普惠、公办、等级、示范认定记录（新的在前）");
        g.MapPost("/{id:guid}/designations", (Guid id, GrantDesignationRequest r, DesignationHandler h, CancellationToken ct) => h.GrantAsync(id, r, ct))
            .RequirePermission(Permissions.DesignationManage).WithSummary("认定普惠、公办、等级或示范（按监管层级）");
        g.MapPost("/{id:guid}/designations/{designationId:guid}/withdraw", (Guid id, Guid designationId, WithdrawDesignationRequest r, DesignationHandler h,
                CancellationToken ct) => h.WithdrawAsync(id, designationId, r, ct))
            .RequirePermission(Permissions.DesignationManage).WithSummary("撤销认定（须填写理由）");
        return g;
    }
}
