namespace Tuoyu.Web.Modules.Registry.Contracts;

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

    /// <summary>
    /// The age range a class type serves, in months [From, To): 托育机构设置标准（试行）第十二条 (domain.md,
    /// Classes) — 乳儿班 6–12, 托小班 12–24, 托大班 24–36; 混合班 "18个月以上", bounded by 36 because 托育 ends at 3.
    /// </summary>
    public static (int From, int To) AgeRangeMonths(ClassType type) => type switch
    {
        ClassType.Infant => (6, 12),
        ClassType.Toddler => (12, 24),
        ClassType.Preschool => (24, 36),
        ClassType.Mixed => (18, 36),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>
    /// Whether a class's places count as "2岁以下托位": the places of 乳儿班 and 托小班 (domain.md, Classes;
    /// Xinchang indicator 5, 2岁以下婴幼儿托位占比).
    /// </summary>
    public static bool IsUnderTwo(ClassType type) => type switch
    {
        ClassType.Infant or ClassType.Toddler => true,
        ClassType.Preschool or ClassType.Mixed => false,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>
    /// Children per carer (保育人员与婴幼儿比例) for a class type: 托育机构设置标准（试行） 第十二条 (domain.md, Classes):
    /// 乳儿班 1:3, 托小班 1:5, 托大班 1:7. The standard sets none for 混合班: null (the live ratio check then
    /// applies the strictest ratio of the ages present, which the attendance rules decide).
    /// </summary>
    public static int? ChildrenPerCarer(ClassType type) => type switch
    {
        ClassType.Infant => 3,
        ClassType.Toddler => 5,
        ClassType.Preschool => 7,
        ClassType.Mixed => null,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The age range for people, e.g. "6–12个月".</summary>
    public static string AgeRangeText(ClassType type)
    {
        var (from, to) = AgeRangeMonths(type);
        return $"{from}–{to}个月";
    }

    /// <summary>Parses the API's English type name ("Infant", "Toddler", "Preschool", "Mixed"); numbers are not accepted.</summary>
    public static bool TryParse(string? value, out ClassType type)
    {
        type = default;
        if (string.IsNullOrWhiteSpace(value) || !char.IsAsciiLetter(value.Trim()[0])) { return false; }
        return Enum.TryParse(value.Trim(), ignoreCase: true, out type) && Enum.IsDefined(type);
    }

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
        var (min, max) = AgeRangeMonths(type);
        return months >= min && months <= max;
    }
}
