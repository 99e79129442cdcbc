namespace Tuoyu.Web.Modules.Staff.Domain;

/// <summary>Role codes for the API and their Chinese names.</summary>
public static class StaffRoles
{
    public static string ChineseName(StaffRole role) => role switch
    {
        StaffRole.Director => "负责人",
        StaffRole.Carer => "保育师",
        StaffRole.InfantCarer => "育婴员",
        StaffRole.HealthWorker => "保健员",
        StaffRole.Security => "安保人员",
        StaffRole.Cook => "炊事人员",
        _ => role.ToString(),
    };

    /// <summary>Parses a role code (Director, Carer, InfantCarer, HealthWorker, Security, Cook); numbers are refused.</summary>
    public static bool TryParse(string? code, out StaffRole role)
    {
        role = default;
        return code is { Length: > 0 } && !char.IsAsciiDigit(code[0]) && Enum.TryParse(code, ignoreCase: false, out role) && Enum.IsDefined(role);
    }

    public const string Codes = "Director、Carer、InfantCarer、HealthWorker、Security 或 Cook";
}
