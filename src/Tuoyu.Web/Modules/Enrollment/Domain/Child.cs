using Tuoyu.Web.Common.Data;

namespace Tuoyu.Web.Modules.Enrollment.Domain;

/// <summary>A child under 3. Personal data of a minor is sensitive (PIPL art. 28).</summary>
public sealed class Child : IVersioned
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    /// <summary>Resident ID or birth-certificate number, encrypted (AES-GCM).</summary>
    public required string IdNumberCipher { get; set; }
    /// <summary>Keyed hash (HMAC-SHA256) of the normalised number, unique: the same child cannot exist twice.</summary>
    public required string IdNumberHash { get; set; }
    /// <summary>Masked form for display, e.g. 430102********123X.</summary>
    public required string IdNumberMasked { get; set; }
    public DateOnly BirthDate { get; set; }
    public Sex Sex { get; set; }
    /// <summary>户籍 is local to the city.</summary>
    public bool HukouLocal { get; set; }
    public string? HukouRegionCode { get; set; }
    /// <summary>孩次: 1 for the first child.</summary>
    public int BirthOrder { get; set; }
    public string? Allergies { get; set; }
    public string? HealthNotes { get; set; }
    public int Version { get; set; }
}

public enum Sex
{
    Male = 1,
    Female = 2,
}

/// <summary>A guardian (监护人) of a child; <see cref="UserId"/> links a parent's account.</summary>
public sealed class Guardian
{
    public Guid Id { get; init; }
    public Guid ChildId { get; init; }
    public Guid? UserId { get; set; }
    public required string Name { get; set; }
    public required string Relation { get; set; }
    public required string Phone { get; set; }
}
