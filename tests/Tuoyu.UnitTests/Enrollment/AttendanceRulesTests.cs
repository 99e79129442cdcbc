using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.UnitTests.Enrollment;

public sealed class AttendanceRulesTests
{
    [Theory]
    [InlineData("36.6", 366)]
    [InlineData("34.0", 340)]
    [InlineData("43", 430)]
    [InlineData("37.30", 373)]
    public void A_reading_with_one_decimal_in_the_sanity_range_becomes_tenths(string celsius, int tenths)
    {
        Assert.Equal(tenths, AttendanceRules.TemperatureTenths(decimal.Parse(celsius, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("36.65")]
    [InlineData("33.9")]
    [InlineData("43.1")]
    [InlineData("-1")]
    public void Other_readings_are_refused(string celsius)
    {
        Assert.Null(AttendanceRules.TemperatureTenths(decimal.Parse(celsius, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Symptom_names_parse_to_flags_and_back()
    {
        Assert.True(AttendanceRules.TryParseSymptoms(["fever", "Rash"], out var s, out _));
        Assert.Equal(Symptoms.Fever | Symptoms.Rash, s);
        Assert.Equal(["Fever", "Rash"], AttendanceRules.SymptomNames(s));
        Assert.True(AttendanceRules.TryParseSymptoms(null, out var none, out _));
        Assert.Equal(Symptoms.None, none);
    }

    [Theory]
    [InlineData("Sneezing")]
    [InlineData("1")]
    [InlineData("None")]
    [InlineData("")]
    public void Unknown_symptoms_numbers_and_none_are_refused(string name)
    {
        Assert.False(AttendanceRules.TryParseSymptoms([name], out _, out var unknown));
        Assert.Equal(name, unknown);
    }

    // 托育机构设置标准（试行）第十二条 (domain.md, Classes): 乳儿班 1:3, 托小班 1:5, 托大班 1:7.
    [Theory]
    [InlineData(ClassType.Infant, 0, 0)]
    [InlineData(ClassType.Infant, 3, 1)]
    [InlineData(ClassType.Infant, 4, 2)]
    [InlineData(ClassType.Infant, 10, 4)]
    [InlineData(ClassType.Toddler, 5, 1)]
    [InlineData(ClassType.Toddler, 6, 2)]
    [InlineData(ClassType.Toddler, 15, 3)]
    [InlineData(ClassType.Preschool, 7, 1)]
    [InlineData(ClassType.Preschool, 20, 3)]
    public void Carers_required_follow_the_national_ratio_of_the_class_type(ClassType type, int children, int carers)
    {
        Assert.Equal(carers, AttendanceRules.RequiredCarers(type, Enumerable.Repeat(18, children)));
    }

    // 混合班: the standard sets no ratio; each child counts by its own age band (1/3, 1/5 or 1/7 of a carer).
    [Fact]
    public void A_mixed_class_counts_each_child_by_its_age_band_exactly()
    {
        // 3 children of 20 months (3/5) + 3 of 30 months (3/7) = 36/35 > 1: two carers.
        Assert.Equal(2, AttendanceRules.RequiredCarers(ClassType.Mixed, [20, 20, 20, 30, 30, 30]));
        // 5 of 20 months = exactly one carer.
        Assert.Equal(1, AttendanceRules.RequiredCarers(ClassType.Mixed, [20, 20, 20, 20, 20]));
        // 7 of 30 months = exactly one carer; an eighth needs a second.
        Assert.Equal(1, AttendanceRules.RequiredCarers(ClassType.Mixed, Enumerable.Repeat(30, 7)));
        Assert.Equal(2, AttendanceRules.RequiredCarers(ClassType.Mixed, Enumerable.Repeat(30, 8)));
    }
}
