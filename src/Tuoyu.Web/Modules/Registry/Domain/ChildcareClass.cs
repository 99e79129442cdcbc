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
}
