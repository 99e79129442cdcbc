namespace Tuoyu.Web.Modules.Identity.Contracts;

/// <summary>The kinds of account; each has a data scope and a fixed set of permissions.</summary>
public enum UserKind
{
    /// <summary>监管人员 (卫生健康部门)</summary>
    Regulator = 1,
    /// <summary>机构负责人</summary>
    InstitutionAdmin = 2,
    /// <summary>机构工作人员</summary>
    InstitutionStaff = 3,
    /// <summary>家长</summary>
    Parent = 4,
    /// <summary>医疗机构人员</summary>
    Medical = 5,
    /// <summary>系统管理员 (三权分立)</summary>
    SystemAdmin = 6,
    /// <summary>安全管理员 (三权分立)</summary>
    SecurityAdmin = 7,
    /// <summary>审计管理员 (三权分立)</summary>
    Auditor = 8,
}

/// <summary>Rules and names of account kinds: Chinese names for pages and exports, the scope field each needs.</summary>
public static class UserKinds
{
    /// <summary>
    /// Accounts that administer or supervise: regulators and the three 三权分立 administrators. MLPS level 3
    /// (GB/T 22239-2019 8.1.4.1) asks two factors and password complexity of them (ADR 0006).
    /// </summary>
    public static bool RequiresStrongAuthentication(UserKind kind) =>
        kind is UserKind.Regulator or UserKind.SystemAdmin or UserKind.SecurityAdmin or UserKind.Auditor;

    public static IReadOnlyList<UserKind> All { get; } = Enum.GetValues<UserKind>();

    public static string Name(UserKind kind) => kind switch
    {
        UserKind.Regulator => "监管人员",
        UserKind.InstitutionAdmin => "机构负责人",
        UserKind.InstitutionStaff => "机构工作人员",
        UserKind.Parent => "家长",
        UserKind.Medical => "医疗机构人员",
        UserKind.SystemAdmin => "系统管理员",
        UserKind.SecurityAdmin => "安全管理员",
        UserKind.Auditor => "审计管理员",
        _ => kind.ToString(),
    };

    public static ScopeField ScopeOf(UserKind kind) => kind switch
    {
        UserKind.Regulator => ScopeField.Region,
        UserKind.InstitutionAdmin or UserKind.InstitutionStaff => ScopeField.Institution,
        UserKind.Medical => ScopeField.MedicalInstitution,
        // Parents' scope is their guardian links (made with the child's record); administrators have none.
        _ => ScopeField.None,
    };

    /// <summary>The enum name, case-insensitive ("Regulator"); numbers and combinations are not accepted.</summary>
    public static bool TryParse(string? text, out UserKind kind)
    {
        kind = default;
        var name = text?.Trim();
        return name is { Length: > 0 } && name.All(char.IsAsciiLetter)
            && Enum.TryParse(name, ignoreCase: true, out kind) && Enum.IsDefined(kind);
    }
}

/// <summary>Which scope field an account kind needs (ADR 0005: the scope lives on the account).</summary>
public enum ScopeField
{
    None,
    Region,
    Institution,
    MedicalInstitution,
}
