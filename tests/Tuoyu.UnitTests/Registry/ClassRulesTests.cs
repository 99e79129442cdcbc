using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.UnitTests.Registry;

public sealed class ClassRulesTests
{
    // 托育机构设置标准（试行）第十二条 (domain.md, Classes): 1 ≤ capacity ≤ the type's maximum.
    [Theory]
    [InlineData(ClassType.Infant, 1)]
    [InlineData(ClassType.Infant, 10)]
    [InlineData(ClassType.Toddler, 15)]
    [InlineData(ClassType.Preschool, 20)]
    [InlineData(ClassType.Mixed, 18)]
    public void CheckSize_accepts_one_up_to_the_national_maximum(ClassType type, int capacity)
    {
        Assert.Null(ClassRules.CheckSize(type, capacity));
    }

    [Theory]
    [InlineData(ClassType.Infant, 11)]
    [InlineData(ClassType.Toddler, 16)]
    [InlineData(ClassType.Preschool, 21)]
    [InlineData(ClassType.Mixed, 19)]
    [InlineData(ClassType.Toddler, 0)]
    [InlineData(ClassType.Toddler, -3)]
    public void CheckSize_refuses_a_class_over_its_size_or_empty(ClassType type, int capacity)
    {
        var breach = ClassRules.CheckSize(type, capacity);
        Assert.NotNull(breach);
        Assert.Equal("registry.class_over_size", breach.Code);
        Assert.Contains(ClassTypes.ChineseName(type), breach.Message, StringComparison.Ordinal);
    }

    // domain.md, Classes: the classes together stay within the registered slots (登记托位).
    [Theory]
    [InlineData(30, 15, 15)]
    [InlineData(30, 0, 20)]
    [InlineData(10, 0, 10)]
    public void CheckSlots_accepts_a_total_up_to_the_registered_slots(int slots, int others, int capacity)
    {
        Assert.Null(ClassRules.CheckSlots(slots, others, capacity));
    }

    [Theory]
    [InlineData(30, 15, 16)]
    [InlineData(30, 30, 1)]
    [InlineData(0, 0, 1)]
    public void CheckSlots_refuses_a_total_above_the_registered_slots(int slots, int others, int capacity)
    {
        var breach = ClassRules.CheckSlots(slots, others, capacity);
        Assert.NotNull(breach);
        Assert.Equal("registry.slots_exceeded", breach.Code);
    }

    [Fact]
    public void CheckSlots_does_not_overflow()
    {
        Assert.Equal("registry.slots_exceeded", ClassRules.CheckSlots(30, int.MaxValue, int.MaxValue)?.Code);
    }

    [Theory]
    [InlineData("托小班")]
    [InlineData(" 托小班 ")]
    [InlineData("Class A")]
    [InlineData("class a")]
    public void CheckNameUnique_refuses_a_name_already_used_in_the_institution(string name)
    {
        Assert.Equal("registry.class_name_taken", ClassRules.CheckNameUnique(name, ["托小班", "Class A"])?.Code);
    }

    [Fact]
    public void CheckNameUnique_accepts_a_new_name()
    {
        Assert.Null(ClassRules.CheckNameUnique("托小二班", ["托小班", "乳儿班"]));
        Assert.Null(ClassRules.CheckNameUnique("托小班", []));
    }

    [Fact]
    public void CheckDeletable_refuses_a_class_with_children()
    {
        Assert.Null(ClassRules.CheckDeletable(0));
        Assert.Equal("registry.class_has_children", ClassRules.CheckDeletable(1)?.Code);
    }
}
