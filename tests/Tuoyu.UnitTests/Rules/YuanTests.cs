using Tuoyu.Web.Common.Rules;

namespace Tuoyu.UnitTests.Rules;

public sealed class YuanTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1", 100L)]
    [InlineData("12.3", 1230L)]
    [InlineData("12.30", 1230L)]
    [InlineData("0.01", 1L)]
    [InlineData(" 2000 ", 200000L)]
    [InlineData("2,000.50", 200050L)]
    [InlineData("1,234,567.89", 123456789L)]
    [InlineData("1999．99", 199999L)]
    [InlineData("100000", 10000000L)]
    public void Yuan_parses_exactly(string text, long fen)
    {
        Assert.True(Yuan.TryParse(text, out var parsed));
        Assert.Equal(fen, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("12.345")]
    [InlineData("0.001")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1e3")]
    [InlineData("¥100")]
    [InlineData("100元")]
    [InlineData("1.2.3")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("2,00")]
    [InlineData(",200")]
    [InlineData("1,0000")]
    [InlineData("NaN")]
    [InlineData("99999999999999999999")]
    public void Yuan_refuses_anything_else(string? text) => Assert.False(Yuan.TryParse(text, out _));

    [Theory]
    [InlineData(0L, "0.00", "0.00")]
    [InlineData(1L, "0.01", "0.01")]
    [InlineData(123456L, "1,234.56", "1234.56")]
    [InlineData(200000L, "2,000.00", "2000.00")]
    public void Yuan_formats_with_two_decimals(long fen, string shown, string plain)
    {
        Assert.Equal(shown, Yuan.Format(fen));
        Assert.Equal(plain, Yuan.FormatPlain(fen));
        Assert.True(Yuan.TryParse(shown, out var back));
        Assert.Equal(fen, back);
    }
}
