using Tuoyu.Web.Common.Regions;

namespace Tuoyu.Web.Modules.Registry.Domain;

/// <summary>A designation rule that refuses a grant or a withdrawal: how to answer, and a Chinese message.</summary>
public sealed record DesignationRefusal(DesignationRefusalKind Kind, string Message, string? Field = null, string? Code = null);

public enum DesignationRefusalKind
{
    /// <summary>403: this user (its kind, level or region) may not grant or withdraw this designation here.</summary>
    WrongActor = 1,
    /// <summary>400 on <see cref="DesignationRefusal.Field"/>.</summary>
    Invalid = 2,
    /// <summary>409 with <see cref="DesignationRefusal.Code"/>.</summary>
    Rule = 3,
}

/// <summary>
/// Who may grant or withdraw which designation (issue #3 item 4), and when. Pure; the handler supplies the
/// institution and its rows. Checks run actor (403) → fields (400) → state (409).
/// <list type="bullet">
/// <item>普惠 recognition and 公办 status: a regulator of county (区县) level or above whose region covers the
/// institution — the county health department files and supervises the institutions of its county (Zhuzhou
/// 三(五)2, 三(五)3: "县市区人民政府 … 负主要责任"; ADR 0015).</item>
/// <item>Grade (等级): county level or above as well — the seeds put grading with the county health bureau:
/// Xinchang 2024 二(五)3 "开展等级评定", key task 19, 责任单位 卫生健康局 (a county's). No seed gives grading to the city.</item>
/// <item>Demonstration (示范性): "市级" by a city-level regulator, "区县级" by a county-level one (domain.md: "city or
/// district level"; Changsha 2022 三(十一)1 "每个街道至少建成1家市级示范性托育机构"; Xinchang 2024 二(二)1 "县级公办示范性普惠托育机构").</item>
/// <item>A street-level regulator grants and withdraws nothing (it does not file either: Zhuzhou 三(五)2).</item>
/// <item>普惠, grade and demonstration need a filed institution (a designation presupposes the 备案 the county
/// publishes: Zhuzhou 三(五)2; Changsha 2025 三(二) subsidises 普惠 institutions "完成登记备案后"); 公办 does not.</item>
/// <item>An active designation of the same kind (for demonstrations: of the same level) cannot be granted again
/// (<see cref="Active"/>); a new grade replaces the active one instead (re-rating is one act: the old row is
/// withdrawn by the same grant).</item>
/// </list>
/// </summary>
public static class DesignationRules
{
    public const string RequiresFiling = "registry.designation_requires_filing";
    public const string Active = "registry.designation_active";
    public const string NotActive = "registry.designation_not_active";

    /// <summary>
    /// 等级 names, best first. Local standard: the seeds name 一级 and 二级 (Xinchang 2024 二(四)1 "一级托育机构乳儿班、托小班
    /// 设置全覆盖，二级托育机构托小班设置全覆盖") and indicator 17 "二级及以上托育机构" implies a grade below 二级, hence 三级.
    /// No national grading standard exists in the seeds; a region with another scale changes this list.
    /// </summary>
    public static readonly IReadOnlyList<string> GradeLevels = ["一级", "二级", "三级"];

    public const string CityLevel = "市级";
    public const string CountyLevel = "区县级";

    /// <summary>示范性 levels (domain.md: "demonstration: city or district level").</summary>
    public static readonly IReadOnlyList<string> DemonstrationLevels = [CityLevel, CountyLevel];

    /// <summary>True when the row is in force on <paramref name="today"/>: not withdrawn and not past its validity.</summary>
    public static bool IsActive(Designation d, DateOnly today) =>
        d.WithdrawnOn is null && (d.ValidUntil is null || d.ValidUntil >= today);

    /// <summary>The level a grant of <paramref name="kind"/> stores: the trimmed grade or demonstration level; null for the others.</summary>
    public static string? NormalizeLevel(DesignationKind kind, string? level) =>
        kind is DesignationKind.Grade or DesignationKind.Demonstration ? level?.Trim() : null;

    /// <summary>
    /// Whether a regulator of <paramref name="regulatorRegion"/> may grant or withdraw <paramref name="kind"/> at
    /// <paramref name="level"/> for an institution in <paramref name="institutionRegion"/> (status aside).
    /// </summary>
    public static bool MayManage(DesignationKind kind, string? level, string? regulatorRegion, string institutionRegion)
    {
        if (regulatorRegion is null || !RegionCode.IsValid(regulatorRegion) || !RegionCode.IsWithin(institutionRegion, regulatorRegion)) { return false; }
        var rank = RegionCode.LevelOf(regulatorRegion);
        return kind switch
        {
            DesignationKind.Inclusive or DesignationKind.Public or DesignationKind.Grade =>
                rank is RegionLevel.Province or RegionLevel.City or RegionLevel.County,
            DesignationKind.Demonstration => (level, rank) is (CityLevel, RegionLevel.City) or (CountyLevel, RegionLevel.County),
            _ => false,
        };
    }

    /// <summary>Why a grant is refused, or null when it may go ahead.</summary>
    public static DesignationRefusal? CheckGrant(DesignationGrant grant, string? regulatorRegion, string institutionRegion,
        FilingStatus filing, IEnumerable<Designation> existing, DateOnly today)
    {
        var level = NormalizeLevel(grant.Kind, grant.Level);
        // Fields that decide who may act come first, so a wrong level is a 400 and not a misleading 403.
        if (grant.Kind == DesignationKind.Grade && (level is null || !GradeLevels.Contains(level)))
        {
            return new(DesignationRefusalKind.Invalid, $"等级应为{string.Join("、", GradeLevels)}之一", "level");
        }

        if (grant.Kind == DesignationKind.Demonstration && (level is null || !DemonstrationLevels.Contains(level)))
        {
            return new(DesignationRefusalKind.Invalid, $"示范级别应为{string.Join("、", DemonstrationLevels)}之一", "level");
        }

        if (!MayManage(grant.Kind, level, regulatorRegion, institutionRegion))
        {
            return new(DesignationRefusalKind.WrongActor, ActorMessage(grant.Kind, level));
        }

        if (grant.GrantedOn > today) { return new(DesignationRefusalKind.Invalid, "认定日期不能晚于今天", "grantedOn"); }
        if (grant.ValidUntil is { } until && until < grant.GrantedOn)
        {
            return new(DesignationRefusalKind.Invalid, "有效期至不能早于认定日期", "validUntil");
        }

        if (grant.Kind != DesignationKind.Public && filing != FilingStatus.Filed)
        {
            return new(DesignationRefusalKind.Rule, $"机构尚未备案（当前为“{FilingRules.StatusName(filing)}”），不能认定为{KindName(grant.Kind)}",
                Code: RequiresFiling);
        }

        if (grant.Kind != DesignationKind.Grade
            && existing.Any(d => d.Kind == grant.Kind && d.Level == level && IsActive(d, today)))
        {
            return new(DesignationRefusalKind.Rule, $"机构已有有效的{Describe(grant.Kind, level)}认定，请先撤销", Code: Active);
        }

        return null;
    }

    /// <summary>The active rows a grant ends by itself: a new grade replaces the grade in force.</summary>
    public static IEnumerable<Designation> Replaced(DesignationKind kind, IEnumerable<Designation> existing, DateOnly today) =>
        kind == DesignationKind.Grade ? existing.Where(d => d.Kind == DesignationKind.Grade && IsActive(d, today)) : [];

    /// <summary>Why a withdrawal is refused, or null when it may go ahead.</summary>
    public static DesignationRefusal? CheckWithdraw(Designation d, string? reason, DateOnly withdrawnOn, string? regulatorRegion,
        string institutionRegion, DateOnly today)
    {
        if (!MayManage(d.Kind, d.Level, regulatorRegion, institutionRegion))
        {
            return new(DesignationRefusalKind.WrongActor, ActorMessage(d.Kind, d.Level));
        }

        if (string.IsNullOrWhiteSpace(reason)) { return new(DesignationRefusalKind.Invalid, "撤销须填写理由", "reason"); }
        if (reason.Trim().Length > Designation.ReasonMaxLength)
        {
            return new(DesignationRefusalKind.Invalid, $"理由不能超过{Designation.ReasonMaxLength}个字符", "reason");
        }

        if (withdrawnOn > today) { return new(DesignationRefusalKind.Invalid, "撤销日期不能晚于今天", "withdrawnOn"); }
        if (withdrawnOn < d.GrantedOn) { return new(DesignationRefusalKind.Invalid, "撤销日期不能早于认定日期", "withdrawnOn"); }
        return d.WithdrawnOn is null
            ? null
            : new(DesignationRefusalKind.Rule, $"该{Describe(d.Kind, d.Level)}认定已于{d.WithdrawnOn:yyyy-MM-dd}撤销", Code: NotActive);
    }

    public static string KindName(DesignationKind k) => k switch
    {
        DesignationKind.Inclusive => "普惠性托育机构",
        DesignationKind.Public => "公办托育机构",
        DesignationKind.Grade => "等级",
        DesignationKind.Demonstration => "示范性托育机构",
        _ => k.ToString(),
    };

    public static string Describe(DesignationKind k, string? level) => level is null ? KindName(k) : $"{level}{KindName(k)}";

    /// <summary>Parses the API's English kind name ("Inclusive", "Public", "Grade", "Demonstration"); numbers are not accepted.</summary>
    public static bool TryParseKind(string? value, out DesignationKind kind)
    {
        kind = default;
        if (string.IsNullOrWhiteSpace(value) || !char.IsAsciiLetter(value.Trim()[0])) { return false; }
        return Enum.TryParse(value.Trim(), ignoreCase: true, out kind) && Enum.IsDefined(kind);
    }

    private static string ActorMessage(DesignationKind kind, string? level) => kind switch
    {
        DesignationKind.Demonstration when level == CityLevel => "市级示范性托育机构只能由管辖该机构的市级卫生健康部门认定或撤销",
        DesignationKind.Demonstration => "区县级示范性托育机构只能由管辖该机构的区县级卫生健康部门认定或撤销",
        _ => $"{KindName(kind)}只能由管辖该机构的县级及以上卫生健康部门认定或撤销",
    };
}

/// <summary>A grant as the rules need it (the handler has validated and parsed the request).</summary>
public sealed record DesignationGrant(DesignationKind Kind, string? Level, DateOnly GrantedOn, DateOnly? ValidUntil);
