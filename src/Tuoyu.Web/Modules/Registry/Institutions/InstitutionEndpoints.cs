using Tuoyu.Web.Common.Security;

namespace Tuoyu.Web.Modules.Registry.Institutions;

/// <summary>Institution master data under /api/v1/institutions: list, export, detail, create, edit, chains, history, Excel import (ADR 0017).</summary>
internal static class InstitutionEndpoints
{
    public static RouteGroupBuilder MapInstitutions(this RouteGroupBuilder g)
    {
        g.MapGet("/", (string? region, string? kind, string? inclusive, string? filingStatus, string? q, string? keyword, int? page, int? pageSize,
                InstitutionHandler h, CancellationToken ct) =>
                h.ListAsync(new InstitutionListQuery(region, kind, Flag(inclusive), filingStatus, q ?? keyword, page ?? 1, pageSize ?? 20), ct))
            .RequirePermission(Permissions.InstitutionRead).WithSummary("管辖范围内的机构（分页）");
        g.MapGet("/export", async (string? region, string? kind, string? inclusive, string? filingStatus, string? q, string? keyword,
                InstitutionHandler h, CancellationToken ct) =>
                TypedResults.File(await h.ExportAsync(new InstitutionListQuery(region, kind, Flag(inclusive), filingStatus, q ?? keyword), ct),
                    Common.Ui.ExcelExport.ContentType, "托育机构.xlsx"))
            .RequirePermission(Permissions.InstitutionRead).WithSummary("导出管辖范围内的机构（Excel）");
        g.MapGet("/{id:guid}", (Guid id, InstitutionHandler h, CancellationToken ct) => h.GetAsync(id, ct))
            .RequirePermission(Permissions.InstitutionRead).WithSummary("机构详情");
        g.MapPut("/{id:guid}/contact", (Guid id, UpdateContactRequest r, InstitutionHandler h, CancellationToken ct) => h.UpdateContactAsync(id, r, ct))
            .RequirePermission(Permissions.InstitutionUpdate).WithSummary("修改机构联系电话");

        g.MapPost("/", async (InstitutionRequest r, InstitutionEditHandler h, CancellationToken ct) =>
            {
                var created = await h.CreateAsync(r, ct);
                return TypedResults.Created($"/api/v1/institutions/{created.Id}", created);
            })
            .RequirePermission(Permissions.InstitutionCreate).WithSummary("登记机构（监管部门，限本辖区街道）");
        g.MapPut("/{id:guid}", (Guid id, InstitutionRequest r, InstitutionEditHandler h, CancellationToken ct) => h.UpdateAsync(id, r, ct))
            .RequirePermission(Permissions.InstitutionUpdate).WithSummary("修改机构信息（机构只能改运营信息；须带版本号）");
        g.MapGet("/chains", (InstitutionHandler h, CancellationToken ct) => h.ChainsAsync(ct))
            .RequirePermission(Permissions.InstitutionRead).WithSummary("连锁品牌列表");
        g.MapGet("/{id:guid}/history", (Guid id, InstitutionHandler h, CancellationToken ct) => h.HistoryAsync(id, 100, ct))
            .RequirePermission(Permissions.InstitutionRead).WithSummary("机构信息变更记录（来自审计日志，新的在前）");

        g.MapGet("/import/template", async (CancellationToken ct) =>
                TypedResults.File(await InstitutionImportHandler.TemplateAsync(ct), Common.Ui.ExcelExport.ContentType, "托育机构导入模板.xlsx"))
            .RequirePermission(Permissions.InstitutionCreate).WithSummary("下载机构导入模板（Excel）");
        // The form is read by hand (no IFormFile parameter) so a bad upload is our own 400 with the field "file". No antiforgery
        // token: API clients use bearer tokens, and the sign-in cookie is SameSite=Strict, so no other site can post with it.
        g.MapPost("/import", async (HttpRequest request, bool? dryRun, InstitutionImportHandler h, CancellationToken ct) =>
            {
                if (!request.HasFormContentType) { throw Common.Errors.ValidationFailedException.For("file", "请以 multipart/form-data 上传文件（字段 file）"); }
                if (request.ContentLength > InstitutionImportHandler.MaxBytes + 64 * 1024) { throw Common.Errors.ValidationFailedException.For("file", "文件不能超过2MB"); }
                var form = await request.ReadFormAsync(ct);
                var file = form.Files.GetFile("file") ?? throw Common.Errors.ValidationFailedException.For("file", "请选择要导入的Excel文件");
                await using var stream = file.OpenReadStream();
                return await h.ImportAsync(stream, file.FileName, file.Length, dryRun ?? false, ct);
            })
            .Accepts<IFormFile>("multipart/form-data")
            .RequirePermission(Permissions.InstitutionCreate).WithSummary("Excel批量登记机构（逐行报告；dryRun=true 仅校验）");
        return g;
    }

    /// <summary>"true"/"false"; empty (the list page's 全部) means no filter; anything else is a 400 on the field.</summary>
    private static bool? Flag(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "true" => true,
        "false" => false,
        _ => throw Common.Errors.ValidationFailedException.For("inclusive", "普惠筛选应为 true 或 false"),
    };
}
