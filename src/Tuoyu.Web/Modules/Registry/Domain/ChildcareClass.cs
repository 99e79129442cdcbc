using Tuoyu.Web.Common.Data;

namespace Tuoyu.Web.Modules.Registry.Domain;

/// <summary>A class (班级) of an institution.</summary>
public sealed class ChildcareClass : IVersioned
{
    public Guid Id { get; init; }
    public Guid InstitutionId { get; init; }
    public required string Name { get; set; }
    public ClassType Type { get; set; }
    /// <summary>Places in this class; never above <see cref="ClassTypes.MaxSize"/>.</summary>
    public int Capacity { get; set; }
    public int Version { get; set; }
}

public enum ClassType
{
    /// <summary>乳儿班 6–12 months</summary>
    Infant = 1,
    /// <summary>托小班 12–24 months</summary>
    Toddler = 2,
    /// <summary>托大班 24–36 months</summary>
    Preschool = 3,
    /// <summary>混合班 18 months and over</summary>
    Mixed = 4,
}

/// <summary>National 托育机构设置标准 (试行) 第十二条 class sizes and ratios (see domain.md, Classes).</summary>
public static class ClassTypes
{
    public static int MaxSize(ClassType type) => type switch
    {
        ClassType.Infant => 10,
        ClassType.Toddler => 15,
        ClassType.Preschool => 20,
        ClassType.Mixed => 18,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string ChineseName(ClassType type) => type switch
    {
        ClassType.Infant => "乳儿班",
        ClassType.Toddler => "托小班",
        ClassType.Preschool => "托大班",
        ClassType.Mixed => "混合班",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>
    /// True when a child of <paramref name="months"/> full months fits a class of <paramref name="type"/>:
    /// 托育机构设置标准（试行） 第十二条 sets 乳儿班 6–12, 托小班 12–24, 托大班 24–36 months and 混合班 from
    /// 18 months (to 36). Both ends count, so a child exactly on a boundary fits either neighbouring class
    /// (the public search should rather show one class too many than hide one).
    /// </summary>
    public static bool AcceptsAgeMonths(ClassType type, int months)
    {
        var (min, max) = type switch
        {
            ClassType.Infant => (6, 12),
            ClassType.Toddler => (12, 24),
            ClassType.Preschool => (24, 36),
            ClassType.Mixed => (18, 36),
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
        return months >= min && months <= max;
    }

    /// <summary>The age range of <paramref name="type"/> for people, e.g. "6–12个月".</summary>
    public static string AgeRange(ClassType type) => type switch
    {
        ClassType.Infant => "6–12个月",
        ClassType.Toddler => "12–24个月",
        ClassType.Preschool => "24–36个月",
        ClassType.Mixed => "18–36个月",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
