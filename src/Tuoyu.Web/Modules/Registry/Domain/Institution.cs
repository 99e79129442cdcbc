using Tuoyu.Web.Common.Data;

namespace Tuoyu.Web.Modules.Registry.Domain;

/// <summary>A childcare provider (托育服务机构) in the "1+N" network.</summary>
public sealed class Institution : IVersioned
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    /// <summary>统一社会信用代码, GB 32100-2015 checksum.</summary>
    public required string CreditCode { get; set; }
    public InstitutionKind Kind { get; set; }
    public Ownership Ownership { get; set; }
    /// <summary>普惠 designation (separate from ownership: a private institution can hold it).</summary>
    public bool IsInclusive { get; set; }
    /// <summary>Street-level 12-digit region code.</summary>
    public required string RegionCode { get; set; }
    public required string Address { get; set; }
    public string? ContactPhone { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>Registered slots (托位).</summary>
    public int RegisteredSlots { get; set; }
    public FilingStatus FilingStatus { get; set; }
    public DateOnly? FiledOn { get; set; }
    public DateOnly OpenedOn { get; set; }
    /// <summary>等级, e.g. 一级 / 二级; null when not rated.</summary>
    public string? Grade { get; set; }
    /// <summary>云监管: video supervision coverage.</summary>
    public bool HasVideoSupervision { get; set; }
    public int Version { get; set; }
}

public enum InstitutionKind
{
    /// <summary>托育综合服务中心</summary>
    ServiceCenter = 1,
    /// <summary>托育机构 (standalone)</summary>
    Standalone = 2,
    /// <summary>社区嵌入式托育</summary>
    CommunityEmbedded = 3,
    /// <summary>幼儿园托班</summary>
    KindergartenClass = 4,
    /// <summary>用人单位办托</summary>
    EmployerRun = 5,
    /// <summary>家庭托育点</summary>
    FamilyPoint = 6,
    /// <summary>婴幼儿照护服务驿站</summary>
    CareStation = 7,
}

public enum Ownership
{
    /// <summary>公办 (incl. 公建民营 / 公建国营)</summary>
    Public = 1,
    /// <summary>民办</summary>
    Private = 2,
}

public enum FilingStatus
{
    /// <summary>未备案</summary>
    NotFiled = 0,
    /// <summary>已提交</summary>
    Submitted = 1,
    /// <summary>已备案</summary>
    Filed = 2,
    /// <summary>已退回</summary>
    Returned = 3,
    /// <summary>已撤销</summary>
    Revoked = 4,
    /// <summary>不予备案 (final: the regulator refused the filing)</summary>
    Rejected = 5,
}
