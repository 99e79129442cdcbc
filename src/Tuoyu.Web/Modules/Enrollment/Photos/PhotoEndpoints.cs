using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Http;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Enrollment.Domain;

namespace Tuoyu.Web.Modules.Enrollment.Photos;

/// <summary>
/// <c>/api/v1/photos</c> (ADR 0027). The upload reads the form itself so that an oversized body is a 400 on <c>file</c>
/// with nothing stored; the download is private to who may see the child and never cached.
/// </summary>
internal static class PhotoEndpoints
{
    public static IEndpointRouteBuilder MapPhotos(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/photos").WithTags("家园互动");
        g.MapPost("/", async (HttpRequest request, PhotoHandler h, CancellationToken ct) =>
            {
                var (childId, content) = await ReadUploadAsync(request, ct);
                var photo = await h.UploadAsync(childId, content, ct);
                return TypedResults.Created(photo.Url, photo);
            })
            .RequirePermission(Permissions.PhotoUpload)
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<PhotoDto>(StatusCodes.Status201Created)
            // Antiforgery is checked by UploadForm for cookie callers only: a bearer token is no ambient credential.
            .DisableAntiforgery()
            .WithSummary("上传照片（multipart：file，家长另填 childId；仅 JPG/PNG，不超过2MB），再以 photoId 附在成长记录或消息上");
        g.MapGet("/{id:guid}", async (Guid id, HttpResponse response, PhotoHandler h, CancellationToken ct) =>
            {
                var photo = await h.ContentAsync(id, ct);
                response.Headers.CacheControl = "private, no-store";
                response.Headers.XContentTypeOptions = "nosniff";
                return TypedResults.File(photo.Bytes, photo.ContentType);
            })
            .RequirePermission(Permissions.PhotoRead)
            .WithSummary("查看照片（仅孩子的监护人和所在机构可见，不缓存）");
        return app;
    }

    private static async Task<(Guid? ChildId, byte[]? Content)> ReadUploadAsync(HttpRequest request, CancellationToken ct)
    {
        var upload = await UploadForm.ReadAsync(request, PhotoRules.MaxBytes, "照片", 8, ct);
        Guid? childId = null;
        if (upload.Form.TryGetValue("childId", out var raw) && !string.IsNullOrWhiteSpace(raw))
        {
            childId = Guid.TryParse(raw, out var parsed) ? parsed : throw ValidationFailedException.For("childId", "儿童编号格式不正确");
        }

        return (childId, upload.Content);
    }
}
