using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Modules.Enrollment.Domain;

namespace Tuoyu.Web.Modules.Enrollment.Messages;

/// <summary>Reads a photo posted with a page's form (at most <see cref="PhotoRules.MaxBytes"/>; the content is checked on upload).</summary>
internal static class UploadedPhoto
{
    public static async Task<byte[]?> ReadAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0) { return null; }
        if (file.Length > PhotoRules.MaxBytes) { throw ValidationFailedException.For("file", $"照片不能超过{PhotoRules.MaxBytes / 1024 / 1024}MB"); }
        using var buffer = new MemoryStream((int)file.Length);
        await using (var s = file.OpenReadStream()) { await s.CopyToAsync(buffer); }
        return buffer.ToArray();
    }

    /// <summary>A page's message for a refused request.</summary>
    public static string Describe(AppException ex) =>
        ex is ValidationFailedException v ? string.Join("；", v.Errors.SelectMany(e => e.Value)) : ex.Message;
}
