using Tuoyu.Web.Common.Data;

namespace Tuoyu.Web.Modules.Enrollment.Domain;

/// <summary>
/// A child's attendance on one day (issue #4 item 4): present (check-in with the 晨检, check-out to a named
/// guardian or pick-up person) or absent with a reason. One row per child and China date (unique), so a repeated
/// check-in changes nothing. The class is the one the child was enrolled in that day (the class type by the day
/// feeds month close and subsidies). Corrections are <see cref="AttendanceCorrection"/> rows, never silent edits.
/// </summary>
public sealed class AttendanceDay : IVersioned
{
    public const int NoteMaxLength = 200;

    public Guid Id { get; init; }
    public Guid ChildId { get; init; }
    public Guid InstitutionId { get; init; }
    public Guid ClassId { get; set; }
    public Guid EnrollmentId { get; set; }
    /// <summary>China date.</summary>
    public DateOnly Date { get; init; }
    public AttendanceStatus Status { get; set; }

    /// <summary>UTC.</summary>
    public DateTime? CheckInAt { get; set; }
    public Guid? CheckInByUserId { get; set; }
    public CheckInMethod? CheckInMethod { get; set; }
    /// <summary>晨检 temperature in tenths of a degree Celsius (366 = 36.6 ℃): exact, no floating point.</summary>
    public int? TemperatureTenths { get; set; }
    /// <summary>晨检 observations; None = 未见异常.</summary>
    public Symptoms HealthCheck { get; set; }
    /// <summary>晨检 or absence free text (masked in logs as health data).</summary>
    public string? HealthNotes { get; set; }

    /// <summary>UTC.</summary>
    public DateTime? CheckOutAt { get; set; }
    public Guid? CheckOutByUserId { get; set; }
    public PickupKind? PickedUpByKind { get; set; }
    /// <summary>The <see cref="Guardian"/> or <see cref="PickupPerson"/> who collected the child.</summary>
    public Guid? PickedUpById { get; set; }

    public AbsenceReason? AbsenceReason { get; set; }
    /// <summary>Symptoms of a sick absence (they feed infectious-disease early warning: Xinchang 二(五)2).</summary>
    public Symptoms AbsenceSymptoms { get; set; }
    public Guid? RecordedByUserId { get; set; }
    public int Version { get; set; }
}

public enum AttendanceStatus
{
    /// <summary>出勤</summary>
    Present = 1,
    /// <summary>缺勤</summary>
    Absent = 2,
}

public enum CheckInMethod
{
    /// <summary>保育人员登记</summary>
    Staff = 1,
    /// <summary>家长扫码</summary>
    GuardianScan = 2,
}

public enum PickupKind
{
    /// <summary>监护人</summary>
    Guardian = 1,
    /// <summary>授权接送人</summary>
    PickupPerson = 2,
}

public enum AbsenceReason
{
    /// <summary>病假</summary>
    Sick = 1,
    /// <summary>事假</summary>
    Leave = 2,
    /// <summary>其他</summary>
    Other = 3,
}

/// <summary>晨检 findings and illness symptoms (托儿所幼儿园卫生保健工作规范: 一摸二看三问四查).</summary>
[Flags]
public enum Symptoms
{
    None = 0,
    /// <summary>发热</summary>
    Fever = 1,
    /// <summary>咳嗽</summary>
    Cough = 2,
    /// <summary>流涕</summary>
    RunnyNose = 4,
    /// <summary>皮疹</summary>
    Rash = 8,
    /// <summary>腹泻</summary>
    Diarrhoea = 16,
    /// <summary>呕吐</summary>
    Vomiting = 32,
    /// <summary>咽部红肿 / 口腔疱疹</summary>
    SoreThroatOrMouth = 64,
    /// <summary>眼结膜充血</summary>
    RedEyes = 128,
    /// <summary>精神差</summary>
    Listless = 256,
    /// <summary>外伤</summary>
    Injury = 512,
    /// <summary>其他</summary>
    Other = 1024,
}

/// <summary>
/// A correction of a child's day (issue #4 item 4: "a day can be corrected with a reason, never silently"):
/// what it was, what it became, who and why. In a closed month the correction waits for a regulator's approval
/// (item 8) and changes the day only when approved.
/// </summary>
public sealed class AttendanceCorrection : IVersioned
{
    public const int ReasonMaxLength = 500;

    public Guid Id { get; init; }
    public Guid AttendanceDayId { get; init; }
    public Guid ChildId { get; init; }
    public Guid InstitutionId { get; init; }
    public DateOnly Date { get; init; }
    /// <summary>JSON of the corrected fields before the change.</summary>
    public required string Before { get; init; }
    /// <summary>JSON of the corrected fields after the change.</summary>
    public required string After { get; init; }
    public required string Reason { get; init; }
    public Guid RequestedByUserId { get; init; }
    /// <summary>UTC.</summary>
    public DateTime RequestedAt { get; init; }
    public CorrectionStatus Status { get; set; }
    public Guid? DecidedByUserId { get; set; }
    /// <summary>UTC.</summary>
    public DateTime? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
    public int Version { get; set; }
}

public enum CorrectionStatus
{
    /// <summary>已生效 (open month: applied at once)</summary>
    Applied = 1,
    /// <summary>待审批 (closed month)</summary>
    Pending = 2,
    /// <summary>已批准并生效</summary>
    Approved = 3,
    /// <summary>未批准</summary>
    Rejected = 4,
}
