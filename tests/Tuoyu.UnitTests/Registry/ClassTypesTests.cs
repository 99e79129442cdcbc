using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.UnitTests.Registry;

public sealed class ClassTypesTests
{
    // 托育机构设置标准（试行）第十二条 (domain.md, Classes): 乳儿班 10, 托小班 15, 托大班 20, 混合班 18.
    [Theory]
    [InlineData(ClassType.Infant, 10)]
    [InlineData(ClassType.Toddler, 15)]
    [InlineData(ClassType.Preschool, 20)]
    [InlineData(ClassType.Mixed, 18)]
    public void ClassTypes_MaxSize_follows_the_national_setting_standard(ClassType type, int maxSize)
    {
        Assert.Equal(maxSize, ClassTypes.MaxSize(type));
    }

    // 托育机构设置标准（试行）第十二条 (domain.md, Classes): carers : children 乳儿班 1:3, 托小班 1:5, 托大班 1:7; none set for 混合班.
    [Theory]
    [InlineData(ClassType.Infant, 3)]
    [InlineData(ClassType.Toddler, 5)]
    [InlineData(ClassType.Preschool, 7)]
    [InlineData(ClassType.Mixed, null)]
    public void ClassTypes_ChildrenPerCarer_follows_the_national_ratios(ClassType type, int? children)
    {
        Assert.Equal(children, ClassTypes.ChildrenPerCarer(type));
    }

    // 托育机构设置标准（试行）: the four class names.
    [Theory]
    [InlineData(ClassType.Infant, "乳儿班")]
    [InlineData(ClassType.Toddler, "托小班")]
    [InlineData(ClassType.Preschool, "托大班")]
    [InlineData(ClassType.Mixed, "混合班")]
    public void ClassTypes_ChineseName_names_each_class_type(ClassType type, string name)
    {
        Assert.Equal(name, ClassTypes.ChineseName(type));
    }

    [Fact]
    public void ClassTypes_MaxSize_refuses_an_undefined_class_type()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ClassTypes.MaxSize((ClassType)99));
    }

    // 托育机构设置标准（试行）第十二条: 乳儿班 6–12, 托小班 12–24, 托大班 24–36 months, 混合班 from 18 months;
    // both ends count, so a child on a boundary fits either neighbouring class.
    [Theory]
    [InlineData(ClassType.Infant, 5, false)]
    [InlineData(ClassType.Infant, 6, true)]
    [InlineData(ClassType.Infant, 12, true)]
    [InlineData(ClassType.Infant, 13, false)]
    [InlineData(ClassType.Toddler, 11, false)]
    [InlineData(ClassType.Toddler, 12, true)]
    [InlineData(ClassType.Toddler, 18, true)]
    [InlineData(ClassType.Toddler, 24, true)]
    [InlineData(ClassType.Toddler, 25, false)]
    [InlineData(ClassType.Preschool, 23, false)]
    [InlineData(ClassType.Preschool, 24, true)]
    [InlineData(ClassType.Preschool, 36, true)]
    [InlineData(ClassType.Mixed, 17, false)]
    [InlineData(ClassType.Mixed, 18, true)]
    [InlineData(ClassType.Mixed, 36, true)]
    [InlineData(ClassType.Mixed, 37, false)]
    public void ClassTypes_AcceptsAgeMonths_follows_the_national_age_ranges(ClassType type, int months, bool accepted)
    {
        Assert.Equal(accepted, ClassTypes.AcceptsAgeMonths(type, months));
    }

    [Fact]
    public void ClassTypes_AcceptsAgeMonths_takes_no_child_under_six_months()
    {
        Assert.All(Enum.GetValues<ClassType>(), t => Assert.False(ClassTypes.AcceptsAgeMonths(t, 3)));
    }

    // 托育机构设置标准（试行）第十二条 (domain.md, Classes): 乳儿班 6–12, 托小班 12–24, 托大班 24–36 months;
    // 混合班 18 months and over, up to 36 (托育 ends at 3).
    [Theory]
    [InlineData(ClassType.Infant, 6, 12)]
    [InlineData(ClassType.Toddler, 12, 24)]
    [InlineData(ClassType.Preschool, 24, 36)]
    [InlineData(ClassType.Mixed, 18, 36)]
    public void ClassTypes_AgeRangeMonths_follows_the_national_setting_standard(ClassType type, int from, int to)
    {
        Assert.Equal((from, to), ClassTypes.AgeRangeMonths(type));
        Assert.Equal($"{from}–{to}个月", ClassTypes.AgeRangeText(type));
    }

    // domain.md, Classes: "2岁以下托位" are the places of 乳儿班 and 托小班 (Xinchang indicator 5).
    [Theory]
    [InlineData(ClassType.Infant, true)]
    [InlineData(ClassType.Toddler, true)]
    [InlineData(ClassType.Preschool, false)]
    [InlineData(ClassType.Mixed, false)]
    public void ClassTypes_IsUnderTwo_counts_infant_and_toddler_classes(ClassType type, bool underTwo)
    {
        Assert.Equal(underTwo, ClassTypes.IsUnderTwo(type));
    }

    [Theory]
    [InlineData("Infant", ClassType.Infant)]
    [InlineData("toddler", ClassType.Toddler)]
    [InlineData(" Preschool ", ClassType.Preschool)]
    [InlineData("Mixed", ClassType.Mixed)]
    public void ClassTypes_TryParse_reads_the_API_names(string value, ClassType expected)
    {
        Assert.True(ClassTypes.TryParse(value, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("99")]
    [InlineData("乳儿班")]
    [InlineData("Nursery")]
    public void ClassTypes_TryParse_refuses_unknown_types(string? value)
    {
        Assert.False(ClassTypes.TryParse(value, out _));
    }

    [Fact]
    public void ClassTypes_AgeRangeMonths_and_IsUnderTwo_refuse_an_undefined_class_type()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ClassTypes.AgeRangeMonths((ClassType)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClassTypes.IsUnderTwo((ClassType)99));
    }
}
