using Tuoyu.Web.Common.Rules;

namespace Tuoyu.UnitTests.Rules;

public sealed class ResidentIdNumberTests
{
    private const string FormatError = "身份证号码应为18位，前17位为数字，最后一位为数字或X";
    private const string BirthDateError = "身份证号码中的出生日期无效";
    private const string CheckError = "身份证号码校验位错误";

    // GB 11643-1999: the two worked examples of the standard (security.md, Input checksums).
    [Theory]
    [InlineData("11010519491231002X", 1949, 12, 31)]
    [InlineData("440524188001010014", 1880, 1, 1)]
    public void ResidentIdNumber_accepts_the_examples_of_the_standard_and_reads_their_birth_date(string id, int year, int month, int day)
    {
        Assert.True(ResidentIdNumber.TryValidate(id, out var normalized, out var birth, out var error));
        Assert.Equal(id, normalized);
        Assert.Equal(new DateOnly(year, month, day), birth);
        Assert.Null(error);
    }

    // GB 11643-1999: the check character X stands for 10; a lower-case x is accepted and stored upper case.
    [Fact]
    public void ResidentIdNumber_accepts_a_lower_case_x_and_normalises_it_to_upper_case()
    {
        Assert.True(ResidentIdNumber.TryValidate(" 11010519491231002x ", out var normalized, out _, out var error));
        Assert.Equal("11010519491231002X", normalized);
        Assert.Null(error);
    }

    // GB 11643-1999 ISO 7064 MOD 11-2: any other check character than the computed one is refused.
    [Theory]
    [InlineData("110105194912310021")]
    [InlineData("440524188001010015")]
    [InlineData("44052418800101001X")]
    public void ResidentIdNumber_rejects_a_wrong_check_character(string id)
    {
        Assert.False(ResidentIdNumber.TryValidate(id, out _, out _, out var error));
        Assert.Equal(CheckError, error);
    }

    // GB 11643-1999: the number has exactly 18 characters.
    [Theory]
    [InlineData("")]
    [InlineData("11010519491231002")]
    [InlineData("11010519491231002X1")]
    [InlineData("110105491231002")]
    public void ResidentIdNumber_rejects_a_wrong_length(string id)
    {
        Assert.False(ResidentIdNumber.TryValidate(id, out _, out _, out var error));
        Assert.Equal(FormatError, error);
    }

    [Fact]
    public void ResidentIdNumber_rejects_null_with_the_format_message()
    {
        // GB 11643-1999: no number at all is not a valid number.
        Assert.False(ResidentIdNumber.TryValidate(null, out var normalized, out _, out var error));
        Assert.Equal(string.Empty, normalized);
        Assert.Equal(FormatError, error);
    }

    // GB 11643-1999: the first 17 characters are digits; only the 18th may be X.
    [Theory]
    [InlineData("1101051949123100AX")]
    [InlineData("X10105194912310021")]
    [InlineData("11010519491231002Y")]
    [InlineData("11010519491231002Ｘ")]
    public void ResidentIdNumber_rejects_letters_outside_the_check_position(string id)
    {
        Assert.False(ResidentIdNumber.TryValidate(id, out _, out _, out var error));
        Assert.Equal(FormatError, error);
    }

    // GB 11643-1999: characters 7–14 are a real birth date (YYYYMMDD); 1999-02-30 does not exist.
    // The check character 9 is the correct one, so only the date can be the reason.
    [Theory]
    [InlineData("430102199902300029")]
    [InlineData("430102202313010010")]
    public void ResidentIdNumber_rejects_an_impossible_birth_date(string id)
    {
        Assert.False(ResidentIdNumber.TryValidate(id, out _, out _, out var error));
        Assert.Equal(BirthDateError, error);
    }

    [Fact]
    public void ResidentIdNumber_accepts_the_29th_of_February_in_a_leap_year()
    {
        // GB 11643-1999: 2024-02-29 is a real date.
        Assert.True(ResidentIdNumber.TryValidate("430102202402290017", out _, out var birth, out _));
        Assert.Equal(new DateOnly(2024, 2, 29), birth);
    }

    // GB 11643-1999: Create() computes the MOD 11-2 check character, so every output validates,
    // keeps the address code and birth date, and the sequence's parity gives the sex (odd male, even female).
    [Theory]
    [InlineData("430102", 2023, 6, 15, 1)]
    [InlineData("430102", 2023, 6, 15, 2)]
    [InlineData("430104", 2024, 2, 29, 999)]
    [InlineData("110105", 1949, 12, 31, 2)]
    [InlineData("430181", 2022, 1, 1, 0)]
    public void ResidentIdNumber_Create_output_validates_and_encodes_sex_parity(string address, int year, int month, int day, int sequence)
    {
        var birth = new DateOnly(year, month, day);

        var id = ResidentIdNumber.Create(address, birth, sequence);

        Assert.True(ResidentIdNumber.TryValidate(id, out var normalized, out var parsedBirth, out var error), error);
        Assert.Equal(id, normalized);
        Assert.StartsWith(address, id, StringComparison.Ordinal);
        Assert.Equal(birth, parsedBirth);
        Assert.Equal(sequence % 2 == 1, ResidentIdNumber.IsMale(id));
    }

    [Fact]
    public void ResidentIdNumber_Create_reproduces_the_examples_of_the_standard()
    {
        // GB 11643-1999: 11010519491231002X is a woman (sequence 002), 440524188001010014 a man (001).
        var woman = ResidentIdNumber.Create("110105", new DateOnly(1949, 12, 31), 2);
        var man = ResidentIdNumber.Create("440524", new DateOnly(1880, 1, 1), 1);

        Assert.Equal("11010519491231002X", woman);
        Assert.Equal("440524188001010014", man);
        Assert.False(ResidentIdNumber.IsMale(woman));
        Assert.True(ResidentIdNumber.IsMale(man));
    }
}
