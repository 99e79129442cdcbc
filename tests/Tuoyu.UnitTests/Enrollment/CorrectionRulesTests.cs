using Tuoyu.Web.Modules.Enrollment.Domain;

namespace Tuoyu.UnitTests.Enrollment;

/// <summary>ADR 0024: a correction records only the changed fields; a status switch drops the other state's facts.</summary>
public sealed class CorrectionRulesTests
{
    private static readonly DateTime In = new(2026, 10, 9, 0, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime Out = new(2026, 10, 9, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DayState PresentDay = new(AttendanceStatus.Present, In, Out, 366, Symptoms.None, null, Symptoms.None);

    private static CorrectionChange Change(AttendanceStatus? status = null, DateTime? checkOut = null, int? tenths = null, AbsenceReason? reason = null,
        Symptoms? symptoms = null) => new(status, null, checkOut, tenths, null, reason, symptoms);

    [Fact]
    public void A_new_temperature_changes_only_that_field_and_the_json_names_only_it()
    {
        var after = CorrectionRules.Apply(PresentDay, Change(tenths: 375));
        Assert.Null(CorrectionRules.Problem(after));
        var (before, afterJson) = CorrectionRules.Diff(PresentDay, after);
        Assert.Equal("""{"temperatureTenths":366}""", before);
        Assert.Equal("""{"temperatureTenths":375}""", afterJson);
    }

    [Fact]
    public void Marking_a_present_day_absent_drops_check_in_and_out_and_needs_a_reason()
    {
        var noReason = CorrectionRules.Apply(PresentDay, Change(AttendanceStatus.Absent));
        Assert.Equal("缺勤须有缺勤原因", CorrectionRules.Problem(noReason));
        var after = CorrectionRules.Apply(PresentDay, Change(AttendanceStatus.Absent, reason: AbsenceReason.Sick, symptoms: Symptoms.Fever));
        Assert.Null(CorrectionRules.Problem(after));
        Assert.Null(after.CheckInAt);
        Assert.Null(after.CheckOutAt);
        Assert.Null(after.TemperatureTenths);
        Assert.Equal(Symptoms.Fever, after.AbsenceSymptoms);
    }

    [Fact]
    public void Marking_an_absent_day_present_needs_a_check_in()
    {
        var absent = new DayState(AttendanceStatus.Absent, null, null, null, Symptoms.None, AbsenceReason.Leave, Symptoms.None);
        Assert.Equal("出勤须有签到时间", CorrectionRules.Problem(CorrectionRules.Apply(absent, Change(AttendanceStatus.Present))));
        var after = CorrectionRules.Apply(absent, new CorrectionChange(AttendanceStatus.Present, In, null, null, null, null, null));
        Assert.Null(CorrectionRules.Problem(after));
        Assert.Null(after.AbsenceReason);
    }

    [Fact]
    public void A_check_out_before_the_check_in_and_symptoms_without_sickness_are_refused()
    {
        Assert.Equal("签退时间不能早于签到时间", CorrectionRules.Problem(CorrectionRules.Apply(PresentDay, Change(checkOut: In.AddMinutes(-1)))));
        var leave = new DayState(AttendanceStatus.Absent, null, null, null, Symptoms.None, AbsenceReason.Leave, Symptoms.None);
        Assert.Equal("只有病假可以登记症状", CorrectionRules.Problem(CorrectionRules.Apply(leave, Change(symptoms: Symptoms.Cough))));
        Assert.Equal("请指定出勤状态（Present 出勤 或 Absent 缺勤）", CorrectionRules.Problem(CorrectionRules.Apply(DayState.None, Change(tenths: 366))));
    }

    [Fact]
    public void No_change_gives_equal_before_and_after()
    {
        var (before, after) = CorrectionRules.Diff(PresentDay, CorrectionRules.Apply(PresentDay, Change(tenths: 366)));
        Assert.Equal("{}", before);
        Assert.Equal(before, after);
    }

    [Fact]
    public void Overlaying_the_after_json_on_the_day_gives_the_corrected_day()
    {
        var target = CorrectionRules.Apply(PresentDay, Change(AttendanceStatus.Absent, reason: AbsenceReason.Sick, symptoms: Symptoms.Fever | Symptoms.Cough));
        var (_, after) = CorrectionRules.Diff(PresentDay, target);
        Assert.Equal(target, CorrectionRules.Overlay(PresentDay, after));
        // A day with no record becomes the corrected day too.
        var (_, fromNothing) = CorrectionRules.Diff(DayState.None, target);
        Assert.Equal(target, CorrectionRules.Overlay(DayState.None, fromNothing));
    }

    [Fact]
    public void Nobody_decides_their_own_correction()
    {
        var me = Guid.NewGuid();
        var c = new AttendanceCorrection { Before = "{}", After = "{}", Reason = "r", RequestedByUserId = me, Status = CorrectionStatus.Pending };
        Assert.True(CorrectionRules.IsOwn(c, me));
        Assert.False(CorrectionRules.IsOwn(c, Guid.NewGuid()));
    }
}
