namespace Tuoyu.Web.Modules.Enrollment.Children;

/// <summary>A child as the caller may see it: the ID number always masked, health data only for roles that need it.</summary>
public sealed record ChildDetail(Guid Id, string Name, string IdNumberMasked, DateOnly BirthDate, string Sex, bool HukouLocal,
    int BirthOrder, string? Allergies, string? HealthNotes, IReadOnlyList<GuardianView> Guardians, int Version);

public sealed record GuardianView(string Name, string Relation, string PhoneMasked);

public sealed record UpdateHealthRequest(string? Allergies, string? HealthNotes, int? Version);

public sealed record RevealIdNumberRequest(string? Reason);

public sealed record RevealIdNumberResponse(string IdNumber);
