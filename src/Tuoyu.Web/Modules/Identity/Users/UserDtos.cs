namespace Tuoyu.Web.Modules.Identity.Users;

/// <summary>
/// An account as administrators see it. <see cref="Version"/> is the account's concurrency stamp: send it
/// back to change the account's scope. <see cref="ScopeName"/> names the region or institution.
/// </summary>
public sealed record UserSummary(Guid Id, string UserName, string DisplayName, string Kind, string KindName,
    string? RegionCode, Guid? InstitutionId, Guid? MedicalInstitutionId, string? ScopeName,
    bool IsDisabled, bool LockedOut, bool TwoFactorEnabled, string Version);

public sealed record UserPage(IReadOnlyList<UserSummary> Items, int Total, int Page, int PageSize);

/// <summary>
/// A new account. <c>Kind</c> is a <c>UserKind</c> name; the kind decides which scope field is required:
/// Regulator → regionCode, InstitutionAdmin/InstitutionStaff → institutionId, Medical → medicalInstitutionId,
/// the others none. Ids are strings so a malformed one is reported against its field.
/// </summary>
public sealed record CreateUserRequest(string? UserName, string? DisplayName, string? Kind, string? RegionCode,
    string? InstitutionId, string? MedicalInstitutionId, string? Password);

/// <summary>The scope field the account's kind needs, and the version last read (its concurrency stamp).</summary>
public sealed record ChangeScopeRequest(string? RegionCode, string? InstitutionId, string? MedicalInstitutionId, string? Version);

public sealed record SetPasswordRequest(string? Password);
