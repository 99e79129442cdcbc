namespace Tuoyu.Web.Modules.Registry.Domain;

/// <summary>The detected type of an accepted upload.</summary>
public sealed record UploadedFileType(string ContentType, string Extension);

/// <summary>
/// Checks on an uploaded filing document (security.md 5.2.x, ADR 0019): at most <see cref="MaxBytes"/>, PDF, JPEG
/// or PNG only, and the content's leading bytes (magic numbers) must be those of the type its extension names —
/// an executable renamed .pdf or a PNG named .pdf is refused. The user's file name is only ever displayed: it is
/// cleaned of paths and control characters and capped, and the stored bytes are keyed by a generated id.
/// </summary>
public static class UploadedFileCheck
{
    /// <summary>5 MB per file (ADR 0019: scanned certificates fit; bytes live in the database, ADR 0016).</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    public const string AllowedText = "PDF、JPG、PNG";

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The type, or a Chinese reason the file is refused (shown on field <c>file</c>).</summary>
    public static (UploadedFileType? Type, string? Error) Inspect(string? fileName, ReadOnlySpan<byte> content)
    {
        if (content.Length == 0) { return (null, "文件为空"); }
        if (content.Length > MaxBytes) { return (null, $"文件不能超过{MaxBytes / 1024 / 1024}MB"); }
        var expected = Path.GetExtension(CleanFileName(fileName)).ToLowerInvariant() switch
        {
            ".pdf" => new UploadedFileType("application/pdf", ".pdf"),
            ".jpg" or ".jpeg" => new UploadedFileType("image/jpeg", ".jpg"),
            ".png" => new UploadedFileType("image/png", ".png"),
            _ => null,
        };
        if (expected is null) { return (null, $"只接受{AllowedText}文件"); }
        var magic = expected.ContentType switch
        {
            "application/pdf" => Pdf,
            "image/jpeg" => Jpeg,
            _ => Png,
        };
        return content.StartsWith(magic) ? (expected, null) : (null, "文件内容与扩展名不符");
    }

    /// <summary>
    /// A display name: the last path segment (either slash), without control or format characters and the
    /// characters Windows forbids, trimmed of dots and spaces, at most <see cref="FilingDocument.FileNameMaxLength"/>
    /// characters with its extension kept; "材料" when nothing is left.
    /// </summary>
    public static string CleanFileName(string? name)
    {
        var s = name ?? string.Empty;
        var slash = Math.Max(s.LastIndexOf('/'), s.LastIndexOf('\\'));
        if (slash >= 0) { s = s[(slash + 1)..]; }
        var kept = new System.Text.StringBuilder(s.Length);
        foreach (var c in s)
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsControl(c) || category is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.LineSeparator
                or System.Globalization.UnicodeCategory.ParagraphSeparator or System.Globalization.UnicodeCategory.Surrogate
                or System.Globalization.UnicodeCategory.PrivateUse or System.Globalization.UnicodeCategory.OtherNotAssigned) { continue; }
            if ("<>:\"|?*".Contains(c, StringComparison.Ordinal)) { continue; }
            kept.Append(c);
        }

        s = kept.ToString().Trim().Trim('.', ' ').Trim();
        if (s.Length > FilingDocument.FileNameMaxLength)
        {
            var ext = Path.GetExtension(s);
            if (ext.Length > 10) { ext = string.Empty; }
            s = s[..(FilingDocument.FileNameMaxLength - ext.Length)].TrimEnd() + ext;
        }

        return s.Length == 0 ? "材料" : s;
    }

    /// <summary>The name to download under: the cleaned name with the detected type's extension.</summary>
    public static string DownloadName(string storedName, string contentType)
    {
        var ext = contentType switch { "application/pdf" => ".pdf", "image/jpeg" => ".jpg", "image/png" => ".png", _ => ".bin" };
        var current = Path.GetExtension(storedName).ToLowerInvariant();
        var same = current == ext || (ext == ".jpg" && current == ".jpeg");
        return same ? storedName : storedName + ext;
    }
}
