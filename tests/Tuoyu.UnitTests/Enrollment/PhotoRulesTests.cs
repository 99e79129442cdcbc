using Tuoyu.Web.Modules.Enrollment.Domain;

namespace Tuoyu.UnitTests.Enrollment;

/// <summary>ADR 0027: a photo is JPEG or PNG by its leading bytes, at most 2 MB.</summary>
public sealed class PhotoRulesTests
{
    [Fact]
    public void Jpeg_and_png_are_recognised_by_their_magic_numbers()
    {
        Assert.Equal("image/jpeg", PhotoRules.Sniff([0xFF, 0xD8, 0xFF, 0xE0, 0x00]));
        Assert.Equal("image/png", PhotoRules.Sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]));
    }

    [Theory]
    [InlineData("hello, I am a text file")]
    [InlineData("%PDF-1.7")]
    [InlineData("GIF89a")]
    public void Other_content_is_not_a_photo_whatever_it_is_called(string text) =>
        Assert.Null(PhotoRules.Sniff(System.Text.Encoding.ASCII.GetBytes(text)));

    [Fact]
    public void A_truncated_signature_is_not_a_photo()
    {
        Assert.Null(PhotoRules.Sniff([0xFF, 0xD8]));
        Assert.Null(PhotoRules.Sniff([0x89, 0x50, 0x4E, 0x47]));
    }

    [Fact]
    public void Empty_and_oversized_photos_are_refused_with_a_reason()
    {
        Assert.Equal(2 * 1024 * 1024, PhotoRules.MaxBytes);
        Assert.NotNull(PhotoRules.Inspect([]).Error);
        var big = new byte[PhotoRules.MaxBytes + 1];
        big[0] = 0xFF; big[1] = 0xD8; big[2] = 0xFF;
        Assert.Contains("2MB", PhotoRules.Inspect(big).Error, StringComparison.Ordinal);
        Assert.Equal("image/jpeg", PhotoRules.Inspect(big.AsSpan(0, PhotoRules.MaxBytes)).ContentType);
    }
}
