using Tuoyu.Web.Common.Data;

namespace Tuoyu.Web.Modules.Staff.Domain;

/// <summary>
/// A person who works (or worked) with children anywhere in the city: one row per resident ID, however many
/// institutions employ them (issue #7 item 1). The ID number is stored as children's are (ADR 0008): encrypted, a
/// unique keyed hash for de-duplication and ban matching, and a masked copy for display.
/// </summary>
public sealed class StaffPerson : IVersioned
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    /// <summary>居民身份证号码, AES-GCM encrypted.</summary>
    public required string IdNumberCipher { get; set; }
    /// <summary>HMAC-SHA256 of the normalised number; unique, and what the ban register matches on.</summary>
    public required string IdNumberHash { get; set; }
    /// <summary>430102********123X.</summary>
    public required string IdNumberMasked { get; set; }
    public string? Phone { get; set; }
    /// <summary>健康证 date (the latest health examination).</summary>
    public DateOnly? HealthCertificateOn { get; set; }
    /// <summary>无犯罪记录证明 date (the latest background check).</summary>
    public DateOnly? BackgroundCheckOn { get; set; }
    /// <summary>UTC of the last hire or employment change: every hire touches the person, so two concurrent hires of one
    /// person conflict on <see cref="Version"/> and the 挂靠 check cannot be raced.</summary>
    public DateTime EmploymentsChangedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A certificate a person holds (保育师证, 育婴员证, 健康管理/保健员证 …); the number is encrypted and shown masked.</summary>
public sealed class StaffCertificate
{
    public Guid Id { get; init; }
    public Guid PersonId { get; init; }
    /// <summary>证书种类, free text from the issuer's own title, e.g. 保育师职业技能等级证书.</summary>
    public required string Kind { get; init; }
    public required string NumberCipher { get; init; }
    public required string NumberMasked { get; init; }
    public required string Issuer { get; init; }
    public DateOnly IssuedOn { get; init; }
    /// <summary>Null for a certificate without expiry.</summary>
    public DateOnly? ExpiresOn { get; init; }
    public Guid RecordedByUserId { get; init; }
    /// <summary>UTC.</summary>
    public DateTime RecordedAt { get; init; }
}

/// <summary>Training hours of one person in one calendar year (Zhuzhou 三(四)3: yearly training); one row per person and year.</summary>
public sealed class StaffTrainingYear : IVersioned
{
    public Guid Id { get; init; }
    public Guid PersonId { get; init; }
    public int Year { get; init; }
    public int Hours { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A regulator's exception to the 挂靠 rule: the person may hold a carer post at <see cref="InstitutionId"/> while
/// holding one elsewhere (e.g. a 托育综合服务中心 sending a carer to a community point). Recorded, never implied.
/// </summary>
public sealed class StaffPostException
{
    public Guid Id { get; init; }
    public Guid PersonId { get; init; }
    public Guid InstitutionId { get; init; }
    public required string Reason { get; init; }
    public DateOnly GrantedOn { get; init; }
    public Guid GrantedByUserId { get; init; }
}

/// <summary>
/// 终身禁入: a person banned for life from work with children (Zhuzhou 三(四)3), matched by the keyed hash of the ID
/// number, so a banned person needs no account or employment to be on the register. Visible to regulators only.
/// </summary>
public sealed class StaffBan
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public required string IdNumberHash { get; init; }
    public required string IdNumberMasked { get; init; }
    /// <summary>处理决定 or judgment number, e.g. 长卫监罚〔2026〕12号.</summary>
    public required string DecisionReference { get; init; }
    public required string Reason { get; init; }
    public DateOnly BannedOn { get; init; }
    /// <summary>Region of the regulator who recorded it (the ban itself applies everywhere).</summary>
    public required string RegionCode { get; init; }
    public Guid RecordedByUserId { get; init; }
}
