using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Staff.Bans;

namespace Tuoyu.Web.Modules.Staff.Registry;

internal static class StaffRegistryEndpoints
{
    public static IEndpointRouteBuilder MapStaffRegistry(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/staff").WithTags("工作人员");
        g.MapPost("/", async (RegisterStaffRequest r, StaffRegistryHandler h, CancellationToken ct) =>
            {
                var s = await h.RegisterAsync(r, ct);
                return Results.Created($"/api/v1/staff/{s.PersonId}", s);
            })
            .RequirePermission(Permissions.StaffManage).WithSummary("登记工作人员并在本机构任职（同一身份证号只登记一人，已登记的直接关联）");
        g.MapGet("/", (Guid? institution, string? q, bool? current, int? page, int? pageSize, StaffRegistryHandler h, CancellationToken ct) =>
                h.ListAsync(institution, q, current ?? true, page ?? 1, pageSize ?? 20, ct))
            .RequirePermission(Permissions.StaffRead).WithSummary("工作人员名册（本机构，或主管部门管辖范围内的机构；证件号与电话脱敏）");
        g.MapGet("/export", async (Guid? institution, string? q, bool? current, StaffRegistryHandler h, CancellationToken ct) =>
                Results.File(await h.ExportAsync(institution, q, current ?? true, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "工作人员.xlsx"))
            .RequirePermission(Permissions.StaffRead).WithSummary("导出工作人员名册（Excel，证件号与电话脱敏）");
        g.MapGet("/{personId:guid}", (Guid personId, StaffRegistryHandler h, CancellationToken ct) => h.GetAsync(personId, ct))
            .RequirePermission(Permissions.StaffRead).WithSummary("工作人员详情：任职、证书、年度培训学时");
        g.MapPost("/{personId:guid}/employments", async (Guid personId, AddEmploymentRequest r, StaffRegistryHandler h, CancellationToken ct) =>
                Results.Created($"/api/v1/staff/{personId}", await h.AddEmploymentAsync(personId, r, ct)))
            .RequirePermission(Permissions.StaffManage).WithSummary("为已登记人员增加本机构任职");
        g.MapPost("/{personId:guid}/employments/{employmentId:guid}/end",
                (Guid personId, Guid employmentId, EndEmploymentRequest r, StaffRegistryHandler h, CancellationToken ct) => h.EndEmploymentAsync(personId, employmentId, r, ct))
            .RequirePermission(Permissions.StaffManage).WithSummary("办理离职（结束本机构任职）");
        g.MapPost("/{personId:guid}/certificates", async (Guid personId, AddCertificateRequest r, StaffRegistryHandler h, CancellationToken ct) =>
                Results.Created($"/api/v1/staff/{personId}", await h.AddCertificateAsync(personId, r, ct)))
            .RequirePermission(Permissions.StaffManage).WithSummary("登记资格证书（编号加密保存、脱敏显示）");
        g.MapPut("/{personId:guid}/training/{year:int}", (Guid personId, int year, TrainingHoursRequest r, StaffRegistryHandler h, CancellationToken ct) =>
                h.SetTrainingAsync(personId, year, r, ct))
            .RequirePermission(Permissions.StaffManage).WithSummary("登记年度培训学时");
        g.MapPost("/{personId:guid}/post-exceptions", async (Guid personId, GrantPostExceptionRequest r, StaffRegistryHandler h, CancellationToken ct) =>
                Results.Created($"/api/v1/staff/{personId}", await h.GrantExceptionAsync(personId, r, ct)))
            .RequirePermission(Permissions.StaffExceptionGrant).WithSummary("主管部门批准保育岗位兼任（挂靠例外）");

        var bans = app.MapGroup("/api/v1/staff-bans").WithTags("终身禁入");
        bans.MapPost("/", async (CreateStaffBanRequest r, StaffBanHandler h, CancellationToken ct) =>
            {
                var b = await h.CreateAsync(r, ct);
                return Results.Created($"/api/v1/staff-bans/{b.Id}", b);
            })
            .RequirePermission(Permissions.StaffBanManage).WithSummary("录入终身禁入人员（按身份证号匹配，全市禁止聘用）");
        bans.MapGet("/", (string? q, int? page, int? pageSize, StaffBanHandler h, CancellationToken ct) => h.ListAsync(q, page ?? 1, pageSize ?? 20, ct))
            .RequirePermission(Permissions.StaffBanManage).WithSummary("终身禁入名单（仅主管部门可见）");
        return app;
    }
}
