using Tuoyu.Web.Modules.Registry.Domain;

namespace Tuoyu.UnitTests.Registry;

/// <summary>Upload checks (security.md 5.2.x, ADR 0019): 5 MB, PDF/JPEG/PNG, magic bytes match the extension, clean names.</summary>
public sealed class UploadedFileCheckTests
{
    private static readonly byte[] Pdf = "%PDF-1.4\n%\u00e2\u00e3\n"u8.ToArray();
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x10];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00];
    private static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0x00, 0x03];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04, 0x14]; // .docx, .xlsx

    public static TheoryData<string, byte[], string> Accepted => new()
    {
        { "a.pdf", Pdf, "application/pdf" },
        { "A.PDF", Pdf, "application/pdf" },
        { "photo.jpg", Jpeg, "image/jpeg" },
        { "photo.jpeg", Jpeg, "image/jpeg" },
        { "scan.png", Png, "image/png" },
    };

    public static TheoryData<string?, byte[]> Refused => new()
    {
        { "a.exe", Exe },
        { "a.pdf", Exe },         // an executable renamed .pdf
        { "a.pdf", Png },         // a PNG named .pdf
        { "a.png", Pdf },         // a PDF named .png
        { "a.jpg", Png },
        { "a.docx", Zip },
        { "a.pdf", Zip },
        { "a.txt", "%PDF-"u8.ToArray() },
        { "pdf", Pdf },           // no extension
        { null, Pdf },
        { "a.pdf", [] },          // empty
        { "a.pdf", [0x25, 0x50, 0x44] }, // truncated magic
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void UploadedFileCheck_accepts_content_matching_its_extension(string name, byte[] content, string type)
    {
        var (t, error) = UploadedFileCheck.Inspect(name, content);
        Assert.Null(error);
        Assert.Equal(type, t!.ContentType);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void UploadedFileCheck_refuses_other_types_and_mismatched_content(string? name, byte[] content)
    {
        var (t, error) = UploadedFileCheck.Inspect(name, content);
        Assert.Null(t);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void UploadedFileCheck_size_limit_is_5_MB_inclusive()
    {
        // ADR 0019: 5 MB = 5 × 1024 × 1024 bytes per file.
        Assert.Equal(5 * 1024 * 1024, UploadedFileCheck.MaxBytes);
        var max = new byte[UploadedFileCheck.MaxBytes];
        Pdf.CopyTo(max, 0);
        Assert.Null(UploadedFileCheck.Inspect("max.pdf", max).Error);
        var over = new byte[UploadedFileCheck.MaxBytes + 1];
        Pdf.CopyTo(over, 0);
        Assert.Equal("文件不能超过5MB", UploadedFileCheck.Inspect("over.pdf", over).Error);
    }

    [Theory]
    [InlineData("营业执照.pdf", "营业执照.pdf")]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\Users\\张三\\Desktop\\消防验收.pdf", "消防验收.pdf")]
    [InlineData("a\u0000b\u0007c\r\n.pdf", "abc.pdf")]
    [InlineData("evil\u202Efdp.exe", "evilfdp.exe")]           // right-to-left override
    [InlineData("  ..hidden.pdf  ", "hidden.pdf")]
    [InlineData("a<b>c:d\"e|f?g*h.pdf", "abcdefgh.pdf")]
    [InlineData("", "材料")]
    [InlineData(null, "材料")]
    [InlineData("///", "材料")]
    public void UploadedFileCheck_clean_names_drop_paths_and_control_characters(string? name, string expected) =>
        Assert.Equal(expected, UploadedFileCheck.CleanFileName(name));

    [Fact]
    public void UploadedFileCheck_clean_names_are_capped_keeping_the_extension()
    {
        var cleaned = UploadedFileCheck.CleanFileName(new string('长', 300) + ".pdf");
        Assert.Equal(FilingDocument.FileNameMaxLength, cleaned.Length);
        Assert.EndsWith(".pdf", cleaned, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a.pdf", "application/pdf", "a.pdf")]
    [InlineData("a.jpeg", "image/jpeg", "a.jpeg")]
    [InlineData("材料", "application/pdf", "材料.pdf")]
    public void UploadedFileCheck_download_names_carry_the_detected_extension(string stored, string type, string expected) =>
        Assert.Equal(expected, UploadedFileCheck.DownloadName(stored, type));
}
