using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Http;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Registry.Domain;

namespace Tuoyu.Web.Modules.Registry.FilingDocuments;

/// <summary>
/// <c>/api/v1/institutions/{id}/filing/documents</c> (ADR 0019). The upload reads the multipart form itself so that
/// every oversized body — declared or streamed — is a 400 on <c>file</c> with nothing stored, never a 413 or a 500.
/// </summary>
internal static class FilingDocumentEndpoints
{
    public static RouteGroupBuilder MapFilingDocuments(this RouteGroupBuilder g)
    {
        g.MapGet("/{id:guid}/filing/documents", (Guid id, FilingDocumentHandler h, CancellationToken ct) => h.ListAsync(id, ct))
            .RequirePermission(Permissions.InstitutionRead).WithSummary("备案材料（当前材料及已被替换的材料）与缺少的材料");
        g.MapPost("/{id:guid}/filing/documents", async (Guid id, HttpRequest request, FilingDocumentHandler h, CancellationToken ct) =>
            {
                var (kind, fileName, content) = await ReadUploadAsync(request, ct);
                var doc = await h.UploadAsync(id, kind, fileName, content, ct);
                return TypedResults.Created($"/api/v1/institutions/{id}/filing/documents/{doc.Id}/content", doc);
            })
            .RequirePermission(Permissions.FilingSubmit)
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<FilingDocumentDto>(StatusCodes.Status201Created)
            // Antiforgery is checked by UploadForm for cookie callers only: a bearer token is no ambient credential.
            .DisableAntiforgery()
            .WithSummary("上传备案材料（multipart：kind、file；PDF/JPG/PNG，不超过5MB；同类新材料替换旧材料）");
        g.MapGet("/{id:guid}/filing/documents/{docId:guid}/content", async (Guid id, Guid docId, HttpResponse response, FilingDocumentHandler h, CancellationToken ct) =>
            {
                var file = await h.ContentAsync(id, docId, ct);
                response.Headers.CacheControl = "no-store";
                response.Headers.XContentTypeOptions = "nosniff";
                return TypedResults.File(file.Bytes, file.ContentType, file.DownloadName);
            })
            .RequirePermission(Permissions.InstitutionRead).WithSummary("下载备案材料");
        g.MapDelete("/{id:guid}/filing/documents/{docId:guid}", async (Guid id, Guid docId, FilingDocumentHandler h, CancellationToken ct) =>
            {
                await h.WithdrawAsync(id, docId, ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(Permissions.FilingSubmit).WithSummary("撤回备案材料（未备案或已退回时；保留记录）");
        return g;
    }

    private static async Task<(string? Kind, string? FileName, byte[]? Content)> ReadUploadAsync(HttpRequest request, CancellationToken ct)
    {
        var upload = await UploadForm.ReadAsync(request, UploadedFileCheck.MaxBytes, "文件", 16, ct);
        return (upload.Form["kind"], upload.FileName, upload.Content);
    }
}
