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
    /// <summary>入托申请: a parent applies for their own child, withdraws, accepts or declines an offer (ADR 0026).</summary>
    public const string ApplicationApply = "enrollment:application:apply";
    /// <summary>查看机构入托申请队列: the institution's own users; a regulator of its region read-only (ADR 0026).</summary>
    public const string ApplicationRead = "enrollment:application:read";
    /// <summary>发出学位或不予录取: the institution's admin (ADR 0026).</summary>
    public const string ApplicationDecide = "enrollment:application:decide";
    /// <summary>家园互动: read a child's thread and its class notices (the institution's users, the child's guardians; ADR 0027).</summary>
    public const string MessageRead = "enrollment:message:read";
    /// <summary>家园互动: write in a child's thread (never edited; ADR 0027).</summary>
    public const string MessageSend = "enrollment:message:send";
    /// <summary>班级通知: the institution's users, to a class of their own institution (ADR 0027).</summary>
    public const string NoticeSend = "enrollment:notice:send";
    /// <summary>上传照片 for a daily note or a message (ADR 0027).</summary>
    public const string PhotoUpload = "enrollment:photo:upload";
    /// <summary>查看照片: only who may see the child (ADR 0027).</summary>
    public const string PhotoRead = "enrollment:photo:read";
    /// <summary>家长扫码签到/签退 at the institution's daily QR code (ADR 0027).</summary>
    public const string AttendanceQrCheckIn = "enrollment:attendance:qr-check-in";
    /// <summary>查看工作人员 (ADR 0030): the institution's admin its own staff, a regulator the staff of institutions in its region.</summary>
    public const string StaffRead = "staff:person:read";
    /// <summary>登记、聘用、离职、证书、培训: the institution's admin, at its own institution.</summary>
    public const string StaffManage = "staff:person:manage";
    /// <summary>批准保育岗位兼任（挂靠例外）: a regulator over the institution.</summary>
    public const string StaffExceptionGrant = "staff:exception:grant";
    /// <summary>终身禁入名单: regulators record and read it; nobody else sees it.</summary>
    public const string StaffBanManage = "staff:ban:manage";
    /// <summary>检查人员库 (双随机): regulators register inspectors.</summary>
    public const string InspectorManage = "supervision:inspector:manage";
    /// <summary>抽查计划与抽取 (双随机): a regulator over the plan's region creates plans and runs their one draw.</summary>
    public const string InspectionPlanManage = "supervision:plan:manage";
    public const string StatisticsRead = "statistics:region:read";
    /// <summary>查看补助规则 (regulators and institution admins).</summary>
    public const string SubsidyRuleRead = "subsidies:rule:read";
    /// <summary>新建补助规则或规则版本: a regulator, for its own region (ADR 0028).</summary>
    public const string SubsidyRuleManage = "subsidies:rule:manage";
    /// <summary>查看补助批次及明细: regulators within their region.</summary>
    public const string SubsidyBatchRead = "subsidies:batch:read";
    /// <summary>生成、重算、提交、退回、作废、导出、标记已支付: county-level or higher regulators (ADR 0028).</summary>
    public const string SubsidyBatchManage = "subsidies:batch:manage";
    /// <summary>审批补助批次: a regulator other than the submitter (ADR 0028).</summary>
    public const string SubsidyBatchApprove = "subsidies:batch:approve";
    /// <summary>本机构应得补助明细: the institution's admin.</summary>
    public const string SubsidyOwedRead = "subsidies:owed:read";
    /// <summary>录入、导入基础统计数据 (a regulator, for regions in scope; ADR 0029).</summary>
    public const string StatisticsManage = "statistics:region:manage";
    /// <summary>新增地方指标、设定目标值 (a regulator, for regions in scope; ADR 0029).</summary>
    public const string IndicatorManage = "statistics:indicator:manage";
    public const string AuditRead = "audit:entry:read";
    public const string AuditVerify = "audit:chain:verify";

    /// <summary>Every permission code: the string constants of this class (so a module adding one cannot forget it here).</summary>
    public static IReadOnlyList<string> All { get; } = typeof(Permissions)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    private static readonly Dictionary<UserKind, HashSet<string>> ByKind = new()
    {
        [UserKind.Regulator] = [SelfManage, SummaryRead, InstitutionRead, InstitutionUpdate, InstitutionCreate, DesignationManage, FeeGuidelineManage, FilingReview, ChildRead, ChildRevealIdNumber, AttendanceRead, AttendanceCorrectionApprove, StatisticsRead, ApplicationRead,
            StaffRead, StaffExceptionGrant, StaffBanManage, InspectorManage, InspectionPlanManage,
            SubsidyRuleRead, SubsidyRuleManage, SubsidyBatchRead, SubsidyBatchManage, SubsidyBatchApprove,
            StatisticsManage, IndicatorManage],
        [UserKind.InstitutionAdmin] = [SelfManage, SummaryRead, InstitutionRead, InstitutionUpdate, FilingSubmit, ChildRead, ChildUpdate, ChildRevealIdNumber, ChildCreate, EnrollmentManage, AttendanceRecord, AttendanceRead, AttendanceMonthClose, ApplicationRead, ApplicationDecide, MessageRead, MessageSend, NoticeSend, PhotoUpload, PhotoRead,
            StaffRead, StaffManage,
            SubsidyRuleRead, SubsidyOwedRead],
        [UserKind.InstitutionStaff] = [SelfManage, SummaryRead, InstitutionRead, ChildRead, ChildUpdate, AttendanceRecord, AttendanceRead, ApplicationRead, MessageRead, MessageSend, NoticeSend, PhotoUpload, PhotoRead],
        [UserKind.Parent] = [SelfManage, SummaryRead, ChildRead, ChildUpdate, ChildCreate, PickupManage, ApplicationApply, MessageRead, MessageSend, PhotoUpload, PhotoRead, AttendanceQrCheckIn],
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
