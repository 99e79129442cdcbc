using Tuoyu.Web.Modules.Registry.Domain;

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
}
