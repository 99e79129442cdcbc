using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Enrollment.Domain;

namespace Tuoyu.Web.Modules.Enrollment.Photos;

/// <summary>
/// <c>/api/v1/photos</c> (ADR 0027). The upload reads the form itself so that an oversized body is a 400 on <c>file</c>
/// with nothing stored; the download is private to who may see the child and never cached.
/// </summary>
internal static class PhotoEndpoints
{
    /// <summary>The photo plus the multipart framing and the <c>childId</c> field.</summary>
    private const long MaxBodyBytes = PhotoRules.MaxBytes + 64 * 1024;

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
            // Antiforgery is checked below for cookie callers only: a bearer token is no ambient credential.
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
        var tooLarge = ValidationFailedException.For("file", $"照片不能超过{PhotoRules.MaxBytes / 1024 / 1024}MB");
        if (request.ContentLength > MaxBodyBytes) { throw tooLarge; }
        if (!request.HasFormContentType) { throw ValidationFailedException.For("file", "请以 multipart/form-data 上传照片"); }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) { limit.MaxRequestBodySize = MaxBodyBytes; }
        var feature = new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = MaxBodyBytes, ValueCountLimit = 8 });
        request.HttpContext.Features.Set<IFormFeature>(feature);
        IFormCollection form;
        try
        {
            form = await feature.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            throw tooLarge;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw tooLarge;
        }
        catch (IOException)
        {
            throw ValidationFailedException.For("file", "上传中断或格式有误，请重试");
        }

        if (!request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                await request.HttpContext.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(request.HttpContext);
            }
            catch (AntiforgeryValidationException)
            {
                throw ValidationFailedException.For("antiforgery", "页面已过期，请刷新后重试");
            }
        }

        Guid? childId = null;
        if (form.TryGetValue("childId", out var raw) && !string.IsNullOrWhiteSpace(raw))
        {
            childId = Guid.TryParse(raw, out var parsed) ? parsed : throw ValidationFailedException.For("childId", "儿童编号格式不正确");
        }

        var file = form.Files.GetFile("file");
        if (file is null) { return (childId, null); }
        if (file.Length > PhotoRules.MaxBytes) { throw tooLarge; }
        using var buffer = new MemoryStream((int)file.Length);
        await using (var s = file.OpenReadStream()) { await s.CopyToAsync(buffer, ct); }
        return (childId, buffer.ToArray());
    }
}
