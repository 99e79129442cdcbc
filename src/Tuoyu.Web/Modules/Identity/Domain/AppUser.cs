using Microsoft.AspNetCore.Identity;
using Tuoyu.Web.Modules.Identity.Contracts;

namespace Tuoyu.Web.Modules.Identity.Domain;

/// <summary>
/// An account. Its data scope lives here and is read from the database on every request, so a
/// change of scope or a disabled account takes effect at once (ASVS 8.3.2, 7.4.2).
/// </summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }
    public UserKind Kind { get; set; }
    /// <summary>Regulator scope: a 12-digit region code (province, city, county or street).</summary>
    public string? RegionCode { get; set; }
    /// <summary>Institution admin and staff scope.</summary>
    public Guid? InstitutionId { get; set; }
    /// <summary>Medical institution user scope: institutions with an active agreement.</summary>
    public Guid? MedicalInstitutionId { get; set; }
    public bool IsDisabled { get; set; }
    public DateTime? PasswordChangedAt { get; set; }
}
