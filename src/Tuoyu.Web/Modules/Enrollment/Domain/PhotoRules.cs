namespace Tuoyu.Web.Modules.Enrollment.Domain;

/// <summary>
/// What a photo on a daily note or a message may be (ADR 0027): JPEG or PNG decided by the leading bytes (magic
/// numbers) alone — never by the file name or the declared type — and at most <see cref="MaxBytes"/>.
/// </summary>
public static class PhotoRules
{
    /// <summary>2 MB: a phone photo resized for a note; the bytes live in the database (ADR 0016, ADR 0027).</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";

    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The content type the bytes really are, or null when they are neither JPEG nor PNG.</summary>
    public static string? Sniff(ReadOnlySpan<byte> content) =>
        content.StartsWith(JpegMagic) ? Jpeg : content.StartsWith(PngMagic) ? Png : null;

    /// <summary>The content type, or a Chinese reason the upload is refused (shown on field <c>file</c>).</summary>
    public static (string? ContentType, string? Error) Inspect(ReadOnlySpan<byte> content)
    {
        if (content.Length == 0) { return (null, "照片为空"); }
        if (content.Length > MaxBytes) { return (null, $"照片不能超过{MaxBytes / 1024 / 1024}MB"); }
        return Sniff(content) is { } type ? (type, null) : (null, "只接受 JPG 或 PNG 照片");
    }
}
