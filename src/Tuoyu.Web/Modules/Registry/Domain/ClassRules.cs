using Tuoyu.Web.Modules.Registry.Contracts;
namespace Tuoyu.Web.Modules.Registry.Domain;

/// <summary>A broken class rule: a stable English <see cref="Code"/> for programs and a Chinese message for people.</summary>
public sealed record ClassRuleBreach(string Code, string Message);

/// <summary>
/// The rules a class change must keep (issue #3, "Classes and capacity"). Pure: the handler loads the
/// institution and its other classes, asks these, and refuses with a 409 carrying the code.
/// </summary>
public static class ClassRules
{
    public const int NameMaxLength = 50;

    public const string OverSize = "registry.class_over_size";
    public const string SlotsExceeded = "registry.slots_exceeded";
    public const string NameTaken = "registry.class_name_taken";
    public const string HasChildren = "registry.class_has_children";
    public const string SlotsBelowClasses = "registry.slots_below_classes";

    /// <summary>
    /// A class holds at least one place and at most the national maximum for its type:
    /// 托育机构设置标准（试行）第十二条 — 乳儿班 ≤ 10, 托小班 ≤ 15, 托大班 ≤ 20, 混合班 ≤ 18 (domain.md, Classes).
    /// </summary>
    public static ClassRuleBreach? CheckSize(ClassType type, int capacity)
    {
        var max = ClassTypes.MaxSize(type);
        return capacity >= 1 && capacity <= max
            ? null
            : new ClassRuleBreach(OverSize, $"{ClassTypes.ChineseName(type)}的额定人数应在1到{max}人之间（托育机构设置标准（试行）），当前为{capacity}人");
    }

    /// <summary>
    /// The institution's classes together offer no more places than its registered slots (登记托位, the
    /// number it filed under 托育机构设置标准（试行） and 托育机构登记和备案办法（试行）; domain.md, Classes):
    /// <paramref name="otherClassesCapacity"/> is the sum over every other class, <paramref name="capacity"/>
    /// the new or changed class's capacity.
    /// </summary>
    public static ClassRuleBreach? CheckSlots(int registeredSlots, int otherClassesCapacity, int capacity)
    {
        var total = (long)otherClassesCapacity + capacity;
        return total <= registeredSlots
            ? null
            : new ClassRuleBreach(SlotsExceeded, $"各班额定人数合计{total}人，超过机构登记托位{registeredSlots}个");
    }

    /// <summary>Class names are unique within an institution (so staff, parents and reports can tell classes apart); compared trimmed, ignoring case.</summary>
    public static ClassRuleBreach? CheckNameUnique(string name, IEnumerable<string> otherNames)
    {
        var n = name.Trim();
        return otherNames.Any(o => string.Equals(o.Trim(), n, StringComparison.OrdinalIgnoreCase))
            ? new ClassRuleBreach(NameTaken, $"本机构已有名为“{n}”的班级")
            : null;
    }

    /// <summary>A class with children still enrolled (not yet left) cannot be deleted: they would lose their class.</summary>
    public static ClassRuleBreach? CheckDeletable(int activeEnrollments) =>
        activeEnrollments == 0 ? null : new ClassRuleBreach(HasChildren, $"该班级仍有{activeEnrollments}名在托儿童，不能删除");

    /// <summary>
    /// The same rule seen from the institution (ADR 0017): its registered slots may not drop below the classes it
    /// already has (<see cref="CheckSlots"/> with no new class); the classes must shrink first.
    /// </summary>
    public static ClassRuleBreach? CheckSlotsCoverClasses(int registeredSlots, int classesCapacity) =>
        CheckSlots(registeredSlots, classesCapacity, 0) is null
            ? null
            : new ClassRuleBreach(SlotsBelowClasses, $"登记托位{registeredSlots}个少于各班额定人数合计{classesCapacity}人，请先调整班级");
}
