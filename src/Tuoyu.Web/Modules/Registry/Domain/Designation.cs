using Tuoyu.Web.Common.Data;

namespace Tuoyu.Web.Modules.Registry.Domain;

/// <summary>
/// A designation a regulator grants an institution (issue #3 item 4): 普惠 recognition, 公办 status, a grade (等级)
/// or a demonstration title (示范性). Never deleted: withdrawing fills the Withdrawn* fields, so the rows of an
/// institution are its history. The institution's current <see cref="Institution.IsInclusive"/>,
/// <see cref="Institution.Ownership"/> and <see cref="Institution.Grade"/> follow its active designations.
/// </summary>
public sealed class Designation : IVersioned
{
    public const int BasisMaxLength = 200;
    public const int ReasonMaxLength = 500;

    public Guid Id { get; init; }
    public Guid InstitutionId { get; init; }
    public DesignationKind Kind { get; init; }
    /// <summary>Grade: "一级", "二级" … per the local standard; demonstration: "市级" or "区县级"; otherwise null.</summary>
    public string? Level { get; init; }
    /// <summary>认定依据: the decision document or basis, e.g. "长卫发〔2025〕12号".</summary>
    public required string Basis { get; init; }
    public DateOnly GrantedOn { get; init; }
    /// <summary>有效期至 (inclusive), when the designation expires by itself.</summary>
    public DateOnly? ValidUntil { get; init; }
    public Guid GrantedByUserId { get; init; }
    public required string GrantedByUserName { get; init; }
    /// <summary>The granting regulator's region (its level decides what it may grant).</summary>
    public required string GrantedByRegionCode { get; init; }
    public DateOnly? WithdrawnOn { get; set; }
    public Guid? WithdrawnByUserId { get; set; }
    public string? WithdrawnByUserName { get; set; }
    public string? WithdrawReason { get; set; }
    /// <summary>UTC instant the grant was recorded.</summary>
    public DateTime RecordedAt { get; init; }
    public int Version { get; set; }
}

public enum DesignationKind
{
    /// <summary>普惠性托育机构认定</summary>
    Inclusive = 1,
    /// <summary>公办 status (incl. 公建民营)</summary>
    Public = 2,
    /// <summary>等级评定</summary>
    Grade = 3,
    /// <summary>示范性托育机构 (市级 / 区县级)</summary>
    Demonstration = 4,
}
