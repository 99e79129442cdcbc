using Tuoyu.Web.Modules.Identity.Contracts;

namespace Tuoyu.Web.Common.Security;

/// <summary>
/// Permission codes <c>module:resource:action</c>, and which kind of user holds which.
/// 三权分立: the system admin manages accounts, the security admin manages security settings and
/// lockouts, the auditor reads the audit log — none of them reads children's data.
/// </summary>
public static class Permissions
{
    public const string SelfManage = "identity:self:manage";
    public const string UserRead = "identity:user:read";
    public const string UserManage = "identity:user:manage";
    public const string UserUnlock = "identity:user:unlock";
    public const string SummaryRead = "home:summary:read";
    public const string InstitutionRead = "registry:institution:read";
    public const string InstitutionUpdate = "registry:institution:update";
    /// <summary>登记机构: a regulator adds institutions to the register (one by one or by Excel import).</summary>
    public const string InstitutionCreate = "registry:institution:create";
    /// <summary>授予/撤销 普惠、公办、等级、示范 (the level a regulator may grant is checked by the designation rules).</summary>
    public const string DesignationManage = "registry:designation:manage";
    /// <summary>设定普惠收费指导价.</summary>
    public const string FeeGuidelineManage = "registry:fee-guideline:manage";
    /// <summary>提交备案: the institution's admin submits its own filing.</summary>
    public const string FilingSubmit = "registry:filing:submit";
    /// <summary>备案审核: a regulator approves, returns, rejects or revokes (county level or above, checked by FilingRules).</summary>
    public const string FilingReview = "registry:filing:review";
    public const string ChildRead = "enrollment:child:read";
    public const string ChildUpdate = "enrollment:child:update";
    public const string ChildRevealIdNumber = "enrollment:child:reveal";
    /// <summary>登记儿童: the institution admin (registering and placing in one step) or a parent registering their own child (ADR 0023).</summary>
    public const string ChildCreate = "enrollment:child:create";
    /// <summary>入托、转班、暂停、恢复、退托: the institution's admin only (ADR 0023).</summary>
    public const string EnrollmentManage = "enrollment:enrollment:manage";
    /// <summary>授权/撤销接送人: a guardian with a parent account, for their own child (ADR 0023).</summary>
    public const string PickupManage = "enrollment:pickup:manage";
    /// <summary>考勤登记: check-in, check-out, absence, class check-in, staff presence (the institution's own users).</summary>
    public const string AttendanceRecord = "enrollment:attendance:record";
    /// <summary>查看班级当日考勤与师幼比.</summary>
    public const string AttendanceRead = "enrollment:attendance:read";
    /// <summary>月度考勤关账: the institution's admin closes a month that is over (ADR 0024).</summary>
    public const string AttendanceMonthClose = "enrollment:attendance:close";
    /// <summary>审批已关账月份的考勤更正: a regulator whose region covers the institution (ADR 0024).</summary>
    public const string AttendanceCorrectionApprove = "enrollment:attendance:approve";
    public const string StatisticsRead = "statistics:region:read";
    /// <summary>录入、导入基础统计数据 (a regulator, for regions in scope; ADR 0029).</summary>
    public const string StatisticsManage = "statistics:region:manage";
    /// <summary>新增地方指标、设定目标值 (a regulator, for regions in scope; ADR 0029).</summary>
    public const string IndicatorManage = "statistics:indicator:manage";
    public const string AuditRead = "audit:entry:read";
    public const string AuditVerify = "audit:chain:verify";

    public static IReadOnlyList<string> All { get; } =
    [
        SelfManage, UserRead, UserManage, UserUnlock, SummaryRead, InstitutionRead, InstitutionUpdate,
        InstitutionCreate, DesignationManage, FeeGuidelineManage, FilingSubmit, FilingReview, ChildRead, ChildUpdate, ChildRevealIdNumber, ChildCreate, EnrollmentManage, PickupManage, AttendanceRecord, AttendanceRead, AttendanceMonthClose, AttendanceCorrectionApprove, StatisticsRead, StatisticsManage, IndicatorManage, AuditRead, AuditVerify,
    ];

    private static readonly Dictionary<UserKind, HashSet<string>> ByKind = new()
    {
        [UserKind.Regulator] = [SelfManage, SummaryRead, InstitutionRead, InstitutionUpdate, InstitutionCreate, DesignationManage, FeeGuidelineManage, FilingReview, ChildRead, ChildRevealIdNumber, AttendanceRead, AttendanceCorrectionApprove, StatisticsRead, StatisticsManage, IndicatorManage],
        [UserKind.InstitutionAdmin] = [SelfManage, SummaryRead, InstitutionRead, InstitutionUpdate, FilingSubmit, ChildRead, ChildUpdate, ChildRevealIdNumber, ChildCreate, EnrollmentManage, AttendanceRecord, AttendanceRead, AttendanceMonthClose],
        [UserKind.InstitutionStaff] = [SelfManage, SummaryRead, InstitutionRead, ChildRead, ChildUpdate, AttendanceRecord, AttendanceRead],
        [UserKind.Parent] = [SelfManage, SummaryRead, ChildRead, ChildUpdate, ChildCreate, PickupManage],
        [UserKind.Medical] = [SelfManage, SummaryRead, InstitutionRead, ChildRead],
        // Both account administrators list accounts; only the system admin changes them, only the
        // security admin unlocks them or resets their second factor (三权分立, ADR 0012).
        [UserKind.SystemAdmin] = [SelfManage, UserRead, UserManage],
        [UserKind.SecurityAdmin] = [SelfManage, UserRead, UserUnlock],
        [UserKind.Auditor] = [SelfManage, AuditRead, AuditVerify],
    };

    public static bool Has(UserKind kind, string permission) =>
        ByKind.TryGetValue(kind, out var set) && set.Contains(permission);
}
