namespace Tuoyu.Web.Modules.Statistics.Contracts;

/// <summary>
/// The fixed vocabulary of measures an indicator combines (ADR 0029). Each is computed by code (Registry, Enrollment and Staff measures through their contracts)
/// as of a date, aggregated over everything below a region; base statistics come from the region's own row.
/// </summary>
public static class Measures
{
    /// <summary>托位: registered slots of institutions open that day.</summary>
    public const string Slots = "slots";
    /// <summary>公办托位 (incl. 公建民营, excl. 幼儿园托班 — Xinchang 一、主要目标).</summary>
    public const string PublicSlots = "public_slots";
    /// <summary>普惠托位: slots of institutions with 普惠 status that day.</summary>
    public const string InclusiveSlots = "inclusive_slots";
    /// <summary>2岁以下托位: capacity of 乳儿班 and 托小班.</summary>
    public const string Under2Slots = "under2_slots";
    /// <summary>在托婴幼儿: enrollments covering the day (a paused child keeps the place).</summary>
    public const string EnrolledChildren = "enrolled_children";
    public const string Institutions = "institutions";
    /// <summary>已备案机构: filed by that day and not revoked since.</summary>
    public const string FiledInstitutions = "filed_institutions";
    /// <summary>有等级的机构.</summary>
    public const string GradedInstitutions = "graded_institutions";
    /// <summary>与医疗卫生机构签约的机构 (agreement in force that day).</summary>
    public const string InstitutionsWithMedicalAgreement = "institutions_with_medical_agreement";
    /// <summary>云监管 coverage.</summary>
    public const string InstitutionsWithVideo = "institutions_with_video";
    /// <summary>示范性托育机构 (title in force that day).</summary>
    public const string DemonstrationInstitutions = "demonstration_institutions";
    /// <summary>保育人员 (保育师, 育婴员) employed that day.</summary>
    public const string Carers = "carers";
    /// <summary>保育人员 holding a certificate valid that day.</summary>
    public const string CertifiedCarers = "certified_carers";
    /// <summary>常住人口 (base statistics).</summary>
    public const string ResidentPopulation = "resident_population";
    /// <summary>3岁以下婴幼儿数 (base statistics).</summary>
    public const string ChildrenUnder3 = "children_under_3";
    /// <summary>出生人口 (base statistics).</summary>
    public const string Births = "births";
    /// <summary>居民人均可支配收入, fen a year (base statistics).</summary>
    public const string DisposableIncome = "disposable_income";
    /// <summary>全日托平均月收费, fen: the mean of the 全日托 fee rows in force that day.</summary>
    public const string AvgFullDayFee = "avg_fullday_fee";

    /// <summary>Measures that come from the region's base statistics rather than from the register.</summary>
    public static readonly IReadOnlySet<string> FromStatistics = new HashSet<string>(StringComparer.Ordinal)
    {
        ResidentPopulation, ChildrenUnder3, Births, DisposableIncome,
    };

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Slots] = "托位数",
        [PublicSlots] = "公办托位数",
        [InclusiveSlots] = "普惠托位数",
        [Under2Slots] = "2岁以下婴幼儿托位数",
        [EnrolledChildren] = "在托婴幼儿数",
        [Institutions] = "托育机构数",
        [FiledInstitutions] = "已备案机构数",
        [GradedInstitutions] = "有等级的机构数",
        [InstitutionsWithMedicalAgreement] = "签约医疗机构的机构数",
        [InstitutionsWithVideo] = "云监管覆盖机构数",
        [DemonstrationInstitutions] = "示范性机构数",
        [Carers] = "保育人员数",
        [CertifiedCarers] = "持证保育人员数",
        [ResidentPopulation] = "常住人口",
        [ChildrenUnder3] = "3岁以下婴幼儿数",
        [Births] = "出生人口",
        [DisposableIncome] = "居民人均可支配收入（分）",
        [AvgFullDayFee] = "全日托平均月收费（分）",
    };

    /// <summary>Register measures that are counts or sums: zero, not unknown, where there is nothing to count.</summary>
    public static readonly IReadOnlyList<string> Counted =
    [
        Slots, PublicSlots, InclusiveSlots, Under2Slots, EnrolledChildren, Institutions, FiledInstitutions, GradedInstitutions,
        InstitutionsWithMedicalAgreement, InstitutionsWithVideo, DemonstrationInstitutions, Carers, CertifiedCarers,
    ];

    public static bool IsKnown(string? measure) => measure is not null && Names.ContainsKey(measure);
}
