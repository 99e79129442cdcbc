namespace Tuoyu.Web.Modules.Staff.Registry;

/// <summary>The form of the /staff page's 登记 section (bound by name, then turned into a request record).</summary>
public sealed class StaffInput
{
    public string? Name { get; set; }
    public string? IdNumber { get; set; }
    public string? Phone { get; set; }
    public string? Role { get; set; }
    public DateOnly? HiredOn { get; set; }
    public DateOnly? HealthCertificateOn { get; set; }
    public DateOnly? BackgroundCheckOn { get; set; }
}

/// <summary>The form of the /staff page's 证书 section.</summary>
public sealed class CertificateInput
{
    public Guid? PersonId { get; set; }
    public string? Kind { get; set; }
    public string? Number { get; set; }
    public string? Issuer { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }
}
