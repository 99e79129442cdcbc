using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Modules.Registry.Contracts;

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
    /// <summary>法人登记: 营利性 with 市场监管, 非营利性 with 民政 or (事业单位) 编办 (domain.md, Institutions).</summary>
    public LegalRegistration LegalRegistration { get; set; }
    /// <summary>公建民营: publicly built, privately run; only meaningful when <see cref="Ownership"/> is Public.</summary>
    public bool PubliclyBuiltPrivatelyRun { get; set; }
    /// <summary>Services offered (全日托/半日托/计时托/临时托), Zhuzhou 三(三)2.</summary>
    public CareServices Services { get; set; }
    /// <summary>开放时间 for people, e.g. "周一至周五 07:30–17:30".</summary>
    public string? OpeningHours { get; set; }
    /// <summary>建筑面积, m².</summary>
    public int? FloorAreaSquareMetres { get; set; }
    /// <summary>户外活动场地面积, m².</summary>
    public int? OutdoorAreaSquareMetres { get; set; }
    /// <summary>综合责任保险 valid until (inclusive); null when the institution has none on record.</summary>
    public DateOnly? InsuredUntil { get; set; }
    /// <summary>承保机构 of the liability insurance.</summary>
    public string? Insurer { get; set; }
    /// <summary>连锁品牌 the institution belongs to, if any.</summary>
    public Guid? ChainId { get; set; }
    /// <summary>举办单位 of an 用人单位办托 (required for that kind).</summary>
    public string? EmployerName { get; set; }
    /// <summary>所属幼儿园 of a 幼儿园托班 (required for that kind).</summary>
    public string? KindergartenName { get; set; }
    public int Version { get; set; }
}

/// <summary>法人登记 (domain.md, Institutions: non-profit with 编办/民政, for-profit with 市场监管).</summary>
public enum LegalRegistration
{
    /// <summary>未登记 (older rows; a new institution must state it)</summary>
    Unknown = 0,
    /// <summary>营利性 — 市场监管部门登记</summary>
    ForProfit = 1,
    /// <summary>非营利性 — 民政部门登记 (民办非企业单位 / 社会服务机构)</summary>
    NonProfitCivilAffairs = 2,
    /// <summary>非营利性 — 机构编制部门登记 (事业单位)</summary>
    NonProfitPublicInstitution = 3,
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
