using Tuoyu.Web.Modules.Registry.Contracts;
namespace Tuoyu.Web.Modules.Registry.Domain;

/// <summary>
/// Pure rules for an institution's master data (issue #3 item 1, ADR 0017): what the credit code says about the
/// legal registration, which fields a kind needs, where coordinates may lie, and the Chinese and English names the
/// API and the Excel import accept.
/// </summary>
public static class InstitutionRules
{
    public const string CreditCodeTaken = "registry.credit_code_taken";
    public const string CreditCodeLocked = "registry.credit_code_locked";

    public const int NameMaxLength = 100;
    public const int AddressMaxLength = 200;
    public const int PhoneMaxLength = 30;
    public const int TextMaxLength = 100;

    /// <summary>
    /// The legal registration the credit code's first character (登记管理部门代码, GB 32100-2015 附录A) implies where it
    /// is unambiguous for a childcare provider: 1 机构编制 → 事业单位 (非营利-编办), 5 民政 → 民办非企业/社会服务机构
    /// (非营利-民政), 9 工商 (市场监管) → 企业 (营利). Other departments (2 外交, 3 司法, 6 旅游, 7 宗教, 8 工会, A 中央军委,
    /// N 农业, Y 其他) say nothing about it: null.
    /// </summary>
    public static LegalRegistration? ImpliedRegistration(string creditCode) => creditCode.Length == 0 ? null : creditCode[0] switch
    {
        '1' => LegalRegistration.NonProfitPublicInstitution,
        '5' => LegalRegistration.NonProfitCivilAffairs,
        '9' => LegalRegistration.ForProfit,
        _ => null,
    };

    /// <summary>Null when the stated registration agrees with the credit code; otherwise the message for the field legalRegistration.</summary>
    public static string? CheckRegistrationMatchesCreditCode(LegalRegistration registration, string creditCode)
    {
        var implied = ImpliedRegistration(creditCode);
        return implied is null || implied == registration
            ? null
            : $"统一社会信用代码首位“{creditCode[0]}”表示{RegistrationName(implied.Value)}，与所填法人登记（{RegistrationName(registration)}）不一致（GB 32100-2015 登记管理部门代码）";
    }

    /// <summary>
    /// China's bounding box, roughly (brief: latitude 3–54, longitude 73–136): catches swapped or mistyped
    /// coordinates, not a border check.
    /// </summary>
    public static bool InChina(double latitude, double longitude) =>
        latitude is >= 3 and <= 54 && longitude is >= 73 and <= 136;

    /// <summary>用人单位办托 names its employer, 幼儿园托班 its kindergarten (ADR 0016); other kinds name neither.</summary>
    public static bool NeedsEmployer(InstitutionKind kind) => kind == InstitutionKind.EmployerRun;

    public static bool NeedsKindergarten(InstitutionKind kind) => kind == InstitutionKind.KindergartenClass;

    /// <summary>公建民营 only describes a public (公办) institution (domain.md, Institutions: 公办 includes 公建民营).</summary>
    public static bool PubliclyBuiltPrivatelyRunAllowed(Ownership ownership, bool publiclyBuiltPrivatelyRun) =>
        !publiclyBuiltPrivatelyRun || ownership == Ownership.Public;

    public static string KindName(InstitutionKind k) => k switch
    {
        InstitutionKind.ServiceCenter => "托育综合服务中心",
        InstitutionKind.Standalone => "托育机构",
        InstitutionKind.CommunityEmbedded => "社区嵌入式托育",
        InstitutionKind.KindergartenClass => "幼儿园托班",
        InstitutionKind.EmployerRun => "用人单位办托",
        InstitutionKind.FamilyPoint => "家庭托育点",
        InstitutionKind.CareStation => "婴幼儿照护服务驿站",
        _ => k.ToString(),
    };

    public static string OwnershipName(Ownership o) => o == Ownership.Public ? "公办" : "民办";

    public static string RegistrationName(LegalRegistration r) => r switch
    {
        LegalRegistration.ForProfit => "营利性（市场监管部门登记）",
        LegalRegistration.NonProfitCivilAffairs => "非营利性（民政部门登记）",
        LegalRegistration.NonProfitPublicInstitution => "非营利性（机构编制部门登记）",
        _ => "未登记",
    };

    /// <summary>The single services of a set, in order.</summary>
    public static bool TryParseKind(string? value, out InstitutionKind kind) =>
        TryParse(value, KindName, out kind);

    public static bool TryParseOwnership(string? value, out Ownership ownership) =>
        TryParse(value, OwnershipName, out ownership);

    /// <summary>Accepts the English value, the full Chinese name, or its short form (营利性 / 非营利性（民政）…).</summary>
    public static bool TryParseRegistration(string? value, out LegalRegistration registration)
    {
        registration = default;
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) { return false; }
        switch (v)
        {
            case "营利性" or "营利" or "市场监管":
                registration = LegalRegistration.ForProfit;
                return true;
            case "非营利性（民政）" or "民政" or "民办非企业":
                registration = LegalRegistration.NonProfitCivilAffairs;
                return true;
            case "非营利性（编办）" or "编办" or "事业单位" or "机构编制":
                registration = LegalRegistration.NonProfitPublicInstitution;
                return true;
        }

        return TryParse(v, RegistrationName, out registration) && registration != LegalRegistration.Unknown;
    }

    /// <summary>An enum member by its English name (letters only, no numbers) or its Chinese name.</summary>
    private static bool TryParse<T>(string? value, Func<T, string> chinese, out T result)
        where T : struct, Enum
    {
        result = default;
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) { return false; }
        foreach (var member in Enum.GetValues<T>())
        {
            if (string.Equals(member.ToString(), v, StringComparison.OrdinalIgnoreCase) || chinese(member) == v)
            {
                result = member;
                return true;
            }
        }

        return false;
    }
}
