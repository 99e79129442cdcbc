namespace Tuoyu.Web.Modules.Registry.Institutions;

/// <summary>A list row. Chinese names for people (<c>kind</c>, <c>filingStatus</c>), English values for programs (<c>…Code</c>).</summary>
public sealed record InstitutionSummary(Guid Id, string Name, string Kind, string Ownership, bool IsInclusive, string RegionCode, string RegionName,
    int RegisteredSlots, string FilingStatus, string KindCode = "", string FilingStatusCode = "", string CreditCode = "", string? ChainName = null,
    IReadOnlyList<string>? Services = null);

/// <summary>
/// The full record (ADR 0017). Each enumeration comes twice: the Chinese name (<c>kind</c>, <c>ownership</c>,
/// <c>legalRegistration</c>, <c>services</c>, <c>filingStatus</c>) and the English value (<c>kindCode</c>, …, <c>serviceCodes</c>)
/// that PUT accepts back.
/// </summary>
public sealed record InstitutionDetail(Guid Id, string Name, string CreditCode, string Kind, string Ownership, bool IsInclusive,
    string RegionCode, string Address, string? ContactPhone, int RegisteredSlots, string FilingStatus, DateOnly? FiledOn,
    string? Grade, bool HasVideoSupervision, IReadOnlyList<ClassSummary> Classes, int Version)
{
    public string KindCode { get; init; } = "";
    public string OwnershipCode { get; init; } = "";
    public bool PubliclyBuiltPrivatelyRun { get; init; }
    public string LegalRegistration { get; init; } = "";
    public string LegalRegistrationCode { get; init; } = "";
    public string RegionName { get; init; } = "";
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public IReadOnlyList<string> Services { get; init; } = [];
    public IReadOnlyList<string> ServiceCodes { get; init; } = [];
    public string? OpeningHours { get; init; }
    public int? FloorAreaSquareMetres { get; init; }
    public int? OutdoorAreaSquareMetres { get; init; }
    public DateOnly? InsuredUntil { get; init; }
    public string? Insurer { get; init; }
    public Guid? ChainId { get; init; }
    public string? ChainName { get; init; }
    public string? EmployerName { get; init; }
    public string? KindergartenName { get; init; }
    public DateOnly OpenedOn { get; init; }
    public string FilingStatusCode { get; init; } = "";
    public IReadOnlyList<MedicalAgreementSummary> MedicalAgreements { get; init; } = [];
}

public sealed record ClassSummary(Guid Id, string Name, string Type, int Capacity, string AgeRange, bool UnderTwo);

/// <summary>A 医育结合 agreement with a medical institution; <c>revokedOn</c> set when it has ended.</summary>
public sealed record MedicalAgreementSummary(Guid Id, string MedicalInstitution, DateOnly SignedOn, DateOnly? RevokedOn);

public sealed record UpdateContactRequest(string? ContactPhone, int? Version);

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary>The list's filters; <c>q</c> searches the name (<c>keyword</c> is its older alias).</summary>
public sealed record InstitutionListQuery(string? Region = null, string? Kind = null, bool? Inclusive = null, string? FilingStatus = null,
    string? Q = null, int Page = 1, int PageSize = 20);

public sealed record ChainSummary(Guid Id, string Name, int Institutions);

/// <summary>One change of the institution's own record, from the audit log (values masked as the log keeps them).</summary>
public sealed record InstitutionChange(DateTime At, string? UserName, string Action, IReadOnlyList<FieldChange> Changes);

public sealed record FieldChange(string Field, string Label, string? Before, string? After);
