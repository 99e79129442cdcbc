using Tuoyu.Web.Common.Data;

namespace Tuoyu.Web.Modules.Staff.Domain;

/// <summary>
/// An employment (任职): a <see cref="StaffPerson"/> in a role at an institution from <see cref="HiredOn"/> to
/// <see cref="LeftOn"/> (ADR 0030). <see cref="Name"/> copies the person's name for the institution's roster;
/// <see cref="CertificateNumber"/> (masked) and <see cref="CertificateExpiresOn"/> summarise the person's latest certificate.
/// </summary>
public sealed class StaffMember : IVersioned
{
    public Guid Id { get; init; }
    public Guid InstitutionId { get; init; }
    public Guid PersonId { get; init; }
    public required string Name { get; set; }
    public StaffRole Role { get; set; }
    public string? CertificateNumber { get; set; }
    public DateOnly? CertificateExpiresOn { get; set; }
    /// <summary>The class this person usually works in (carers); null for staff not tied to a class.</summary>
    public Guid? ClassId { get; set; }
    public DateOnly HiredOn { get; init; }
    public DateOnly? LeftOn { get; set; }
    public int Version { get; set; }
}

public enum StaffRole
{
    /// <summary>负责人</summary>
    Director = 1,
    /// <summary>保育师 / 保育人员</summary>
    Carer = 2,
    /// <summary>育婴员</summary>
    InfantCarer = 3,
    /// <summary>保健员</summary>
    HealthWorker = 4,
    /// <summary>安保</summary>
    Security = 5,
    /// <summary>炊事</summary>
    Cook = 6,
}
