namespace Tuoyu.Web.Modules.Enrollment.Registration;

/// <summary>
/// 登记儿童. An institution admin sends <see cref="Enrollment"/> too (register and place in one step); a parent sends none
/// and becomes the first guardian's account.
/// </summary>
public sealed record RegisterChildRequest(string? Name, string? IdNumber, DateOnly? BirthDate, string? Sex, bool? HukouLocal,
    string? HukouRegionCode, int? BirthOrder, string? Allergies, string? HealthNotes, IReadOnlyList<GuardianRequest>? Guardians,
    PlacementRequest? Enrollment);

/// <summary><see cref="UserName"/> links a parent's account (institution users only).</summary>
public sealed record GuardianRequest(string? Name, string? Relation, string? Phone, string? UserName);

public sealed record PlacementRequest(Guid? ClassId, string? ServiceType, DateOnly? StartDate);

public sealed record RegisteredChild(Guid Id, string Name, string IdNumberMasked, DateOnly BirthDate, Guid? EnrollmentId);

public sealed record GuardianDetail(Guid Id, string Name, string Relation, string PhoneMasked, bool HasAccount);

public sealed record PickupPersonRequest(string? Name, string? Relation, string? Phone);

public sealed record PickupPersonView(Guid Id, string Name, string Relation, string PhoneMasked, DateTime AuthorisedAt);
