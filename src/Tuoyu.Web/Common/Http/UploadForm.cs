using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Tuoyu.Web.Common.Errors;

namespace Tuoyu.Web.Common.Http;

/// <summary>
/// Reads a multipart upload (field <c>file</c> plus small text fields) once, with hard limits: the body may exceed the
/// file limit only by the form's overhead, a cookie caller must pass antiforgery (a bearer token is no ambient
/// credential), and every failure is a 400 on a named field. Used by filing documents and photos.
/// </summary>
public static class UploadForm
{
    /// <summary>What the form around the file may add to the body.</summary>
    private const long FormOverheadBytes = 64 * 1024;

    /// <summary>The form and the file's bytes (null when no file was sent).</summary>
    public sealed record Upload(IFormCollection Form, string? FileName, byte[]? Content);

    /// <param name="maxFileBytes">The largest file accepted.</param>
    /// <param name="what">The Chinese noun for the file in messages (文件, 照片).</param>
    public static async Task<Upload> ReadAsync(HttpRequest request, long maxFileBytes, string what, int maxFields, CancellationToken ct)
    {
        var maxBody = maxFileBytes + FormOverheadBytes;
        var tooLarge = ValidationFailedException.For("file", $"{what}不能超过{maxFileBytes / 1024 / 1024}MB");
        if (request.ContentLength > maxBody) { throw tooLarge; }
        if (!request.HasFormContentType) { throw ValidationFailedException.For("file", $"请以 multipart/form-data 上传{what}"); }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) { limit.MaxRequestBodySize = maxBody; }
        // The form is read once, with these limits; antiforgery below reads the same cached form.
        var feature = new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = maxBody, ValueCountLimit = maxFields });
        request.HttpContext.Features.Set<IFormFeature>(feature);
        IFormCollection form;
        try
        {
            form = await feature.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            // Over the form reader's limit (a chunked body has no length to check up front).
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

        var file = form.Files.GetFile("file");
        if (file is null) { return new Upload(form, null, null); }
        if (file.Length > maxFileBytes) { throw tooLarge; }
        using var buffer = new MemoryStream((int)file.Length);
        await using (var s = file.OpenReadStream()) { await s.CopyToAsync(buffer, ct); }
        return new Upload(form, file.FileName, buffer.ToArray());
    }
}
