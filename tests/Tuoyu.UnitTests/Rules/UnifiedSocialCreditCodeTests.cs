using Tuoyu.Web.Common.Rules;

namespace Tuoyu.UnitTests.Rules;

public sealed class UnifiedSocialCreditCodeTests
{
    private const string FormatError = "统一社会信用代码应为18位数字或大写字母（不含I、O、Z、S、V）";
    private const string CheckError = "统一社会信用代码校验位错误";

    [Fact]
    public void UnifiedSocialCreditCode_accepts_the_example_of_the_standard()
    {
        // GB 32100-2015: 91110000600037341L, check = (31 − Σ mod 31) mod 31 over 0-9A-Z without I O Z S V.
        Assert.True(UnifiedSocialCreditCode.TryValidate("91110000600037341L", out var normalized, out var error));
        Assert.Equal("91110000600037341L", normalized);
        Assert.Null(error);
    }

    [Fact]
    public void UnifiedSocialCreditCode_accepts_lower_case_and_surrounding_spaces()
    {
        // GB 32100-2015: the code is upper case; input is normalised before checking.
        Assert.True(UnifiedSocialCreditCode.TryValidate(" 91110000600037341l ", out var normalized, out _));
        Assert.Equal("91110000600037341L", normalized);
    }

    // GB 32100-2015 §4: the letters I, O, Z, S and V are not part of the character set.
    [Theory]
    [InlineData("91110000600037341I")]
    [InlineData("9111000060003734OL")]
    [InlineData("911100006000373Z1L")]
    [InlineData("91110000S00037341L")]
    [InlineData("V1110000600037341L")]
    public void UnifiedSocialCreditCode_rejects_the_excluded_letters_I_O_Z_S_V(string code)
    {
        Assert.False(UnifiedSocialCreditCode.TryValidate(code, out _, out var error));
        Assert.Equal(FormatError, error);
    }

    // GB 32100-2015: exactly 18 characters.
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("91110000600037341")]
    [InlineData("91110000600037341L0")]
    [InlineData("9111000060003734-L")]
    public void UnifiedSocialCreditCode_rejects_a_wrong_length_or_foreign_characters(string? code)
    {
        Assert.False(UnifiedSocialCreditCode.TryValidate(code, out _, out var error));
        Assert.Equal(FormatError, error);
    }

    // GB 32100-2015 §5.2: any check character other than the computed one is refused.
    [Theory]
    [InlineData("91110000600037341K")]
    [InlineData("91110000600037341M")]
    [InlineData("91110000600037342L")]
    [InlineData("19110000600037341L")]
    public void UnifiedSocialCreditCode_rejects_a_wrong_check_character(string code)
    {
        Assert.False(UnifiedSocialCreditCode.TryValidate(code, out _, out var error));
        Assert.Equal(CheckError, error);
    }

    // GB 32100-2015: Create() appends the computed check character, so its output always validates;
    // childcare providers are 事业单位 (12…), 民办非企业 (52…) or companies (91…).
    [Theory]
    [InlineData("91110000600037341")]
    [InlineData("12430102MB1234567")]
    [InlineData("52430104MJ0000000")]
    [InlineData("914301007073123XY")]
    public void UnifiedSocialCreditCode_Create_round_trips_through_validation(string first17)
    {
        var code = UnifiedSocialCreditCode.Create(first17);

        Assert.Equal(18, code.Length);
        Assert.StartsWith(first17, code, StringComparison.Ordinal);
        Assert.True(UnifiedSocialCreditCode.TryValidate(code, out var normalized, out var error), error);
        Assert.Equal(code, normalized);
    }

    [Fact]
    public void UnifiedSocialCreditCode_Create_reproduces_the_example_of_the_standard()
    {
        // GB 32100-2015: the first 17 characters 91110000600037341 give the check character L.
        Assert.Equal("91110000600037341L", UnifiedSocialCreditCode.Create("91110000600037341"));
    }

    [Fact]
    public void UnifiedSocialCreditCode_CheckCharacter_refuses_an_excluded_letter()
    {
        // GB 32100-2015: an excluded letter has no value, so no check character can be computed.
        Assert.Throws<ArgumentException>(() => UnifiedSocialCreditCode.CheckCharacter("9111000060003734I"));
    }
}
