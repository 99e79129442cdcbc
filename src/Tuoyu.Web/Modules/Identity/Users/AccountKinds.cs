using Tuoyu.Web.Modules.Identity.Contracts;

namespace Tuoyu.Web.Modules.Identity.Users;

/// <summary>Which scope field an account kind needs (ADR 0005: the scope lives on the account).</summary>
public enum ScopeField
{
    None,
    Region,
    Institution,
    MedicalInstitution,
}

/// <summary>Account kinds by name (API) and in Chinese (pages, exports).</summary>
public static class AccountKinds
{
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
