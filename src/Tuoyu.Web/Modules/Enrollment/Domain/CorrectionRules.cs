using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Tuoyu.Web.Modules.Enrollment.Domain;

/// <summary>
/// The correctable facts of an attendance day (issue #4 item 4). A correction stores, as JSON, only the fields it
/// changes: their values before and after. Applying a correction overlays its "after" fields on the day as it is then.
/// </summary>
public sealed record DayState(
    AttendanceStatus? Status, DateTime? CheckInAt, DateTime? CheckOutAt, int? TemperatureTenths, Symptoms HealthCheck,
    AbsenceReason? AbsenceReason, Symptoms AbsenceSymptoms)
{
    public static DayState None { get; } = new(null, null, null, null, Symptoms.None, null, Symptoms.None);

    public static DayState Of(AttendanceDay? day) => day is null ? None
        : new(day.Status, day.CheckInAt, day.CheckOutAt, day.TemperatureTenths, day.HealthCheck, day.AbsenceReason, day.AbsenceSymptoms);

    public void ApplyTo(AttendanceDay day)
    {
        day.Status = Status ?? throw new InvalidOperationException("A corrected day has a status.");
        day.CheckInAt = CheckInAt;
        day.CheckOutAt = CheckOutAt;
        day.TemperatureTenths = TemperatureTenths;
        day.HealthCheck = HealthCheck;
        day.AbsenceReason = AbsenceReason;
        day.AbsenceSymptoms = AbsenceSymptoms;
        if (CheckOutAt is null)
        {
            day.CheckOutByUserId = null;
            day.PickedUpById = null;
            day.PickedUpByKind = null;
        }
    }
}

/// <summary>What a correction asks to change; null leaves the field as it is (a status change clears the other state's fields).</summary>
public sealed record CorrectionChange(
    AttendanceStatus? Status, DateTime? CheckInAt, DateTime? CheckOutAt, int? TemperatureTenths, Symptoms? HealthCheck,
    AbsenceReason? AbsenceReason, Symptoms? AbsenceSymptoms);

/// <summary>Pure rules of attendance corrections and their approval (issue #4 items 4 and 8, ADR 0024).</summary>
public static class CorrectionRules
{
    public const string NotPending = "attendance.correction_not_pending";
    public const string NoChange = "attendance.correction_no_change";
    public const string AlreadyPending = "attendance.correction_pending";
    public const string Inconsistent = "attendance.correction_inconsistent";
    public const string MonthNotOver = "attendance.month_not_over";

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>The day after the change: a switch to absent drops the check-in facts, a switch to present drops the absence.</summary>
    public static DayState Apply(DayState before, CorrectionChange c)
    {
        var s = before;
        if (c.Status is { } status && status != before.Status)
        {
            s = status == AttendanceStatus.Absent
                ? s with { Status = status, CheckInAt = null, CheckOutAt = null, TemperatureTenths = null, HealthCheck = Symptoms.None }
                : s with { Status = status, AbsenceReason = null, AbsenceSymptoms = Symptoms.None };
        }

        return s with
        {
            CheckInAt = c.CheckInAt ?? s.CheckInAt,
            CheckOutAt = c.CheckOutAt ?? s.CheckOutAt,
            TemperatureTenths = c.TemperatureTenths ?? s.TemperatureTenths,
            HealthCheck = c.HealthCheck ?? s.HealthCheck,
            AbsenceReason = c.AbsenceReason ?? s.AbsenceReason,
            AbsenceSymptoms = c.AbsenceSymptoms ?? s.AbsenceSymptoms,
        };
    }

    /// <summary>Null when the corrected day is a consistent day; otherwise why not (Chinese, for the 409).</summary>
    public static string? Problem(DayState after) => after switch
    {
        { Status: null } => "请指定出勤状态（Present 出勤 或 Absent 缺勤）",
        { Status: AttendanceStatus.Present, CheckInAt: null } => "出勤须有签到时间",
        { Status: AttendanceStatus.Present, AbsenceReason: not null } => "出勤的日子不能有缺勤原因",
        { Status: AttendanceStatus.Absent, AbsenceReason: null } => "缺勤须有缺勤原因",
        { Status: AttendanceStatus.Absent, CheckInAt: not null } or { Status: AttendanceStatus.Absent, CheckOutAt: not null }
            => "缺勤的日子不能有签到或签退时间",
        { CheckInAt: { } i, CheckOutAt: { } o } when o < i => "签退时间不能早于签到时间",
        { CheckOutAt: not null, CheckInAt: null } => "没有签到时间不能有签退时间",
        { AbsenceSymptoms: not Symptoms.None, AbsenceReason: not Domain.AbsenceReason.Sick } => "只有病假可以登记症状",
        _ => null,
    };

    /// <summary>The changed fields before and after, as JSON objects (camelCase names); equal when nothing changed.</summary>
    public static (string Before, string After) Diff(DayState before, DayState after)
    {
        var b = JsonSerializer.SerializeToNode(before, Json)!.AsObject();
        var a = JsonSerializer.SerializeToNode(after, Json)!.AsObject();
        foreach (var name in a.Select(p => p.Key).ToList())
        {
            if (JsonNode.DeepEquals(a[name], b[name]))
            {
                a.Remove(name);
                b.Remove(name);
            }
        }

        return (b.ToJsonString(Json), a.ToJsonString(Json));
    }

    /// <summary>The day with a correction's "after" fields laid over it (approval: the day as it is when approved).</summary>
    public static DayState Overlay(DayState current, string afterJson)
    {
        var node = JsonSerializer.SerializeToNode(current, Json)!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(afterJson)!.AsObject())
        {
            node[name] = value?.DeepClone();
        }

        return node.Deserialize<DayState>(Json)!;
    }

    /// <summary>
    /// Whether <paramref name="deciderId"/> may decide the correction: it must be pending (else 409
    /// <see cref="NotPending"/>) and never decided by the person who asked for it (four eyes).
    /// </summary>
    public static bool IsOwn(AttendanceCorrection c, Guid deciderId) => c.RequestedByUserId == deciderId;
}
