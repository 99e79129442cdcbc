namespace Tuoyu.Web.Modules.Identity;

/// <summary>
/// Account security settings (section <c>Security</c>). Defaults follow MLPS level 3 as assessors read it
/// (security.md): lockout after 5 failures for 30 minutes, 30-minute idle timeout, two factors for regulators.
/// </summary>
public sealed class SecuritySettings
{
    public int MaxFailedAccessAttempts { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 30;
    public int IdleTimeoutMinutes { get; set; } = 30;
    /// <summary>Two factors for regulators and the 三权分立 administrators. Null means: true, except on a database holding the demo world (<see cref="Common.Seeding.DemoState"/>).</summary>
    public bool? RequireTwoFactorForRegulators { get; set; }
    /// <summary>MLPS password complexity (3 of 4 character classes, ≥ 8) for regulator and administrator accounts; see ADR 0006.</summary>
    public bool RegulatorPasswordComplexity { get; set; } = true;
}
