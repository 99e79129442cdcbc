using Tuoyu.Web.Common.Rules;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.UnitTests.Enrollment;

/// <summary>ADR 0023: identity numbers, birth dates, phones, services and the class age fit.</summary>
public sealed class ChildRulesTests
{
    private static readonly DateOnly Birth = new(2025, 3, 14);

    [Fact]
    public void A_resident_id_with_a_valid_check_character_and_the_same_birth_date_is_accepted_and_upper_cased()
    {
        // Built with the GB 11643 algorithm (security.md: generate test data, do not copy examples).
        var number = ResidentIdNumber.Create("430102", Birth, 123);
        Assert.True(ChildRules.TryIdentityNumber(" " + number.ToLowerInvariant() + " ", Birth, out var normalized, out var error), error);
        Assert.Equal(number, normalized);
    }

    [Fact]
    public void A_wrong_check_character_or_another_birth_date_is_refused()
    {
        var number = ResidentIdNumber.Create("430102", Birth, 123);
        var wrong = number[..17] + (number[17] == '0' ? '1' : '0');
        Assert.False(ChildRules.TryIdentityNumber(wrong, Birth, out _, out var e1));
        Assert.Equal("身份证号码校验位错误", e1);
        Assert.False(ChildRules.TryIdentityNumber(number, Birth.AddDays(1), out _, out var e2));
        Assert.Equal("身份证号码中的出生日期与出生日期不一致", e2);
    }

    [Theory]
    [InlineData("N430123456", true)]
    [InlineData("o123456789", true)]
    [InlineData("AB12345678", false)]
    [InlineData("N12345678", false)]
    [InlineData("1234567890", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_birth_certificate_number_is_one_letter_and_nine_digits(string? value, bool ok)
    {
        Assert.Equal(ok, ChildRules.TryIdentityNumber(value, Birth, out _, out _));
    }

    [Fact]
    public void Both_kinds_are_masked_keeping_only_the_ends()
    {
        var number = ResidentIdNumber.Create("430102", Birth, 123);
        Assert.Equal("430102********" + number[^4..], ChildRules.Mask(number));
        Assert.Equal("N*****3456", ChildRules.Mask("N430123456"));
    }

    [Fact]
    public void A_child_is_born_by_today_and_under_three_at_registration()
    {
        var today = new DateOnly(2026, 11, 24);
        Assert.Null(ChildRules.BirthDateError(today, today));
        Assert.NotNull(ChildRules.BirthDateError(today.AddDays(1), today));
        Assert.Null(ChildRules.BirthDateError(new DateOnly(2023, 11, 25), today));
        // 36 full months is 3 years: 托育 serves children under 3.
        Assert.NotNull(ChildRules.BirthDateError(new DateOnly(2023, 11, 24), today));
    }

    [Theory]
    [InlineData("13812345678", true)]
    [InlineData("0731-88886666", true)]
    [InlineData("01088886666", true)]
    [InlineData("12812345678", false)]
    [InlineData("1381234567", false)]
    [InlineData("88886666", false)]
    public void Phones_are_mobile_or_landline_with_area_code(string phone, bool ok) => Assert.Equal(ok, ChildRules.IsPhone(phone));

    [Theory]
    [InlineData("FullDay", CareServices.FullDay)]
    [InlineData("halfday", CareServices.HalfDay)]
    [InlineData("Temporary", CareServices.Temporary)]
    public void One_service_by_name(string value, CareServices expected)
    {
        Assert.True(CareServiceSet.TryParseSingle(value, out var s));
        Assert.Equal(expected, s);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("None")]
    [InlineData("FullDay, HalfDay")]
    [InlineData("全日托")]
    public void Numbers_combinations_and_none_are_not_a_service(string value) => Assert.False(CareServiceSet.TryParseSingle(value, out _));

    [Theory]
    // 托育机构设置标准（试行）第十二条: 乳儿班 6–12, 托小班 12–24, 托大班 24–36 months, 混合班 from 18 months.
    [InlineData(5, ClassType.Infant, false)]
    [InlineData(6, ClassType.Infant, true)]
    [InlineData(12, ClassType.Toddler, true)]
    [InlineData(25, ClassType.Toddler, false)]
    [InlineData(17, ClassType.Mixed, false)]
    [InlineData(18, ClassType.Mixed, true)]
    [InlineData(30, ClassType.Preschool, true)]
    public void The_age_in_full_months_on_the_start_date_must_fit_the_class(int months, ClassType type, bool fits)
    {
        var start = new DateOnly(2026, 12, 1);
        Assert.Equal(fits, ChildRules.FitsClass(start.AddMonths(-months), start, type));
    }

    [Fact]
    public void A_child_one_day_short_of_six_months_does_not_fit_the_infant_class()
    {
        var start = new DateOnly(2026, 12, 1);
        Assert.False(ChildRules.FitsClass(start.AddMonths(-6).AddDays(1), start, ClassType.Infant));
    }
}
