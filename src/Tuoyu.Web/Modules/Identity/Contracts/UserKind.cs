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

public static class UserKinds
{
    /// <summary>
    /// Accounts that administer or supervise: regulators and the three 三权分立 administrators. MLPS level 3
    /// (GB/T 22239-2019 8.1.4.1) asks two factors and password complexity of them (ADR 0006).
    /// </summary>
    public static bool RequiresStrongAuthentication(UserKind kind) =>
        kind is UserKind.Regulator or UserKind.SystemAdmin or UserKind.SecurityAdmin or UserKind.Auditor;
}
