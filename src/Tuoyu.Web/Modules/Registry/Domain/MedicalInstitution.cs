namespace Tuoyu.Web.Modules.Registry.Domain;

/// <summary>A medical institution (医疗卫生机构 / 妇幼保健院) that signs service agreements with childcare institutions.</summary>
public sealed class MedicalInstitution
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    public required string RegionCode { get; set; }
}

/// <summary>医育结合 service agreement; a revoked agreement ends the medical institution's access at once.</summary>
public sealed class MedicalAgreement
{
    public Guid Id { get; init; }
    public Guid InstitutionId { get; init; }
    public Guid MedicalInstitutionId { get; init; }
    public DateOnly SignedOn { get; init; }
    public DateOnly? RevokedOn { get; set; }
}
