namespace Tuoyu.Web.Modules.Enrollment.Domain;

/// <summary>
/// 授权接送人: a person other than a guardian whom the guardians authorised to collect the child (issue #4 item 4:
/// check-out only to a guardian or an authorised pick-up person). Revoking keeps the row for the record.
/// </summary>
public sealed class PickupPerson
{
    public Guid Id { get; init; }
    public Guid ChildId { get; init; }
    public required string Name { get; set; }
    /// <summary>与幼儿关系, e.g. 祖父, 保姆.</summary>
    public required string Relation { get; set; }
    public required string Phone { get; set; }
    /// <summary>The guardian's account that authorised this person.</summary>
    public Guid AuthorisedByUserId { get; init; }
    /// <summary>UTC.</summary>
    public DateTime AuthorisedAt { get; init; }
    /// <summary>UTC; set when the authorisation ends.</summary>
    public DateTime? RevokedAt { get; set; }
}
