namespace Tuoyu.Web.Modules.Staff.Registry;

/// <summary>登记工作人员: the person (found by ID number or created) and their post at the caller's institution.</summary>
public sealed record RegisterStaffRequest(string? Name, string? IdNumber, string? Phone, DateOnly? HealthCertificateOn, DateOnly? BackgroundCheckOn,
    string? Role, DateOnly? HiredOn, Guid? ClassId);

public sealed record AddEmploymentRequest(string? Role, DateOnly? HiredOn, Guid? ClassId);

public sealed record EndEmploymentRequest(DateOnly? LeftOn);

public sealed record AddCertificateRequest(string? Kind, string? Number, string? Issuer, DateOnly? IssuedOn, DateOnly? ExpiresOn);

public sealed record TrainingHoursRequest(int? Hours);

public sealed record GrantPostExceptionRequest(Guid? InstitutionId, string? Reason);

/// <param name="LinkedExistingPerson">True when the ID number was already registered: the post was added to that person.</param>
public sealed record RegisteredStaff(Guid PersonId, Guid EmploymentId, string Name, string IdNumberMasked, bool LinkedExistingPerson);

public sealed record StaffListItem(Guid PersonId, Guid EmploymentId, Guid InstitutionId, string Name, string IdNumberMasked, string? PhoneMasked,
    string Role, string RoleName, Guid? ClassId, DateOnly HiredOn, DateOnly? LeftOn, string? CertificateNumberMasked, DateOnly? CertificateExpiresOn,
    DateOnly? HealthCertificateOn, DateOnly? BackgroundCheckOn);

public sealed record StaffListPage(IReadOnlyList<StaffListItem> Items, int Total, int Page, int PageSize);

public sealed record EmploymentView(Guid Id, Guid InstitutionId, string Role, string RoleName, Guid? ClassId, DateOnly HiredOn, DateOnly? LeftOn);

public sealed record CertificateView(Guid Id, string Kind, string NumberMasked, string Issuer, DateOnly IssuedOn, DateOnly? ExpiresOn);

public sealed record TrainingView(int Year, int Hours);

/// <summary>A person as the caller may see them: posts only at institutions in the caller's scope.</summary>
public sealed record StaffPersonView(Guid PersonId, string Name, string IdNumberMasked, string? PhoneMasked, DateOnly? HealthCertificateOn,
    DateOnly? BackgroundCheckOn, IReadOnlyList<EmploymentView> Employments, IReadOnlyList<CertificateView> Certificates, IReadOnlyList<TrainingView> Training);

public sealed record PostExceptionView(Guid Id, Guid PersonId, Guid InstitutionId, string Reason, DateOnly GrantedOn);
