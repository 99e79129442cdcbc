using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Staff.Domain;
using Calc = Tuoyu.Web.Modules.Enrollment.Domain.MonthlyAttendanceCalculator;

namespace Tuoyu.Web.Modules.Demo;

/// <summary>
/// Months of attendance history for the demo (issue #4, ADR 0024): every working day (Mon–Fri; the 调休 calendar is not
/// modelled) of the two previous full months and of this month up to yesterday, for the children in care in
/// <see cref="Counties"/>: about 92% present (check-in 07:30–09:00, check-out to a guardian 16:30–18:00 China time, half-day
/// children at 11:30–12:30), the rest sick (with plausible symptoms) or on leave; carers' presence; the previous months closed
/// with <see cref="MonthlyAttendanceCalculator"/> figures; and a few pending corrections of a closed month at
/// <c>inst0001</c> for <c>furong</c> to approve. All demo values, not statistics.
/// </summary>
internal static class DemoAttendance
{
    public const int Seed = 20261201;

    /// <summary>
    /// History only for the two counties with demo accounts (芙蓉区, 岳麓区): the whole city (≈9,400 children, ≈470,000
    /// child-days) made the demo seed tens of seconds slower; these two keep it within a few seconds (ADR 0024).
    /// </summary>
    public static readonly string[] Counties = ["430102", "430104"];

    private const int PresentPercent = 92;
    private const int SickPercentOfAbsences = 60;

    internal sealed record History(
        List<AttendanceDay> Days, List<StaffAttendanceDay> StaffDays, List<MonthClose> Closes, List<MonthlyAttendance> Monthly,
        List<AttendanceCorrection> Corrections);

    public static async Task SeedAsync(AppDbContext db, DemoWorld world, DateOnly today, CancellationToken ct)
    {
        var accounts = await db.Users.AsNoTracking().Where(u => u.UserName == "inst0001" || u.UserName == "carer0001")
            .Select(u => new { u.Id, u.UserName, u.InstitutionId }).ToListAsync(ct);
        var admin = accounts.FirstOrDefault(a => a.UserName == "inst0001");
        var carer = accounts.FirstOrDefault(a => a.UserName == "carer0001");
        var history = Generate(world, today, admin?.InstitutionId, admin?.Id, carer?.Id);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await BulkInsert.InsertAsync(db, history.Days, ct);
        await BulkInsert.InsertAsync(db, history.StaffDays, ct);
        await BulkInsert.InsertAsync(db, history.Closes, ct);
        await BulkInsert.InsertAsync(db, history.Monthly, ct);
        await BulkInsert.InsertAsync(db, history.Corrections, ct);
        await tx.CommitAsync(ct);
    }

    public static History Generate(DemoWorld world, DateOnly today, Guid? furongInstitution, Guid? furongAdmin, Guid? furongCarer)
    {
        var rng = new Random(Seed);
        var thisMonth = YearMonth.Of(today);
        var from = thisMonth.AddMonths(-2).FirstDay;
        var yesterday = today.AddDays(-1);
        var institutions = world.Institutions.Where(i => Counties.Any(c => i.RegionCode.StartsWith(c, StringComparison.Ordinal))).Select(i => i.Id).ToHashSet();
        var classTypes = world.Classes.ToDictionary(c => c.Id, c => c.Type);
        var guardians = world.Guardians.GroupBy(g => g.ChildId).ToDictionary(g => g.Key, g => g.Select(x => x.Id).ToList());
        var workDays = new List<DateOnly>();
        for (var d = from; d <= yesterday; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) { workDays.Add(d); }
        }

        var history = new History([], [], [], [], []);
        var enrollments = world.Enrollments.Where(e => institutions.Contains(e.InstitutionId)).OrderBy(e => e.Id).ToList();
        foreach (var e in enrollments)
        {
            var recorder = e.InstitutionId == furongInstitution ? furongCarer : null;
            foreach (var day in workDays)
            {
                if (day < e.StartDate || (e.EndDate is { } end && day > end)) { continue; }
                history.Days.Add(Day(rng, e, day, guardians.GetValueOrDefault(e.ChildId) ?? [], recorder));
            }
        }

        foreach (var s in world.Staff.Where(s => s.Role == StaffRole.Carer && institutions.Contains(s.InstitutionId)).OrderBy(s => s.Id))
        {
            foreach (var day in workDays.Where(d => d >= s.HiredOn))
            {
                if (rng.Next(100) < 3) { continue; }
                var start = ChinaTime.StartOfDayUtc(day);
                history.StaffDays.Add(new StaffAttendanceDay
                {
                    Id = DemoGuids.Next(rng), StaffMemberId = s.Id, InstitutionId = s.InstitutionId, ClassId = s.ClassId, Date = day,
                    CheckInAt = start.AddMinutes((7 * 60) + 15 + rng.Next(46)), CheckOutAt = start.AddMinutes((17 * 60) + 30 + rng.Next(61)),
                    RecordedByUserId = s.InstitutionId == furongInstitution && furongCarer is { } c ? c : DemoActorId(s.InstitutionId, "carer"),
                });
            }
        }

        CloseMonths(history, enrollments, classTypes, thisMonth, furongInstitution, furongAdmin);
        AddPendingCorrections(rng, history, furongInstitution, furongCarer, thisMonth.AddMonths(-1));
        return history;
    }

    private static AttendanceDay Day(Random rng, ChildEnrollment e, DateOnly day, List<Guid> guardians, Guid? recorder)
    {
        var row = new AttendanceDay
        {
            Id = DemoGuids.Next(rng), ChildId = e.ChildId, InstitutionId = e.InstitutionId, ClassId = e.ClassId, EnrollmentId = e.Id, Date = day,
            RecordedByUserId = recorder,
        };
        var start = ChinaTime.StartOfDayUtc(day);
        if (rng.Next(100) < PresentPercent)
        {
            row.Status = AttendanceStatus.Present;
            row.CheckInAt = start.AddMinutes((7 * 60) + 30 + rng.Next(91));
            row.CheckInByUserId = recorder;
            row.CheckInMethod = CheckInMethod.Staff;
            row.TemperatureTenths = 360 + rng.Next(13);
            row.HealthCheck = rng.Next(100) switch { < 4 => Symptoms.RunnyNose, < 6 => Symptoms.Cough, _ => Symptoms.None };
            row.CheckOutAt = e.Service == CareServices.HalfDay
                ? start.AddMinutes((11 * 60) + 30 + rng.Next(61))
                : start.AddMinutes((16 * 60) + 30 + rng.Next(91));
            row.CheckOutByUserId = recorder;
            if (guardians.Count > 0)
            {
                row.PickedUpByKind = PickupKind.Guardian;
                row.PickedUpById = guardians[rng.Next(guardians.Count)];
            }
        }
        else
        {
            row.Status = AttendanceStatus.Absent;
            var sick = rng.Next(100) < SickPercentOfAbsences;
            row.AbsenceReason = sick ? AbsenceReason.Sick : AbsenceReason.Leave;
            row.AbsenceSymptoms = sick ? rng.Next(6) switch
            {
                0 => Symptoms.Fever,
                1 => Symptoms.Fever | Symptoms.Cough,
                2 => Symptoms.Cough | Symptoms.RunnyNose,
                3 => Symptoms.Diarrhoea | Symptoms.Vomiting,
                4 => Symptoms.Fever | Symptoms.SoreThroatOrMouth,
                _ => Symptoms.Fever | Symptoms.Rash,
            } : Symptoms.None;
        }

        return row;
    }

    private static void CloseMonths(History history, List<ChildEnrollment> enrollments, Dictionary<Guid, ClassType> classTypes, YearMonth thisMonth,
        Guid? furongInstitution, Guid? furongAdmin)
    {
        var present = history.Days.Where(d => d.Status == AttendanceStatus.Present).ToLookup(d => d.InstitutionId, d => (d.ChildId, d.Date));
        foreach (var group in enrollments.GroupBy(e => e.InstitutionId))
        {
            var institution = group.Key;
            var calcEnrollments = group.Select(e => new Calc.Enrollment(e.Id, e.ChildId, e.ClassId, e.Service, e.StartDate, e.EndDate)).ToList();
            foreach (var month in new[] { thisMonth.AddMonths(-2), thisMonth.AddMonths(-1) })
            {
                var closer = institution == furongInstitution && furongAdmin is { } a ? a : DemoActorId(institution);
                history.Closes.Add(new MonthClose
                {
                    Id = DemoActorId(institution, month.ToString()), InstitutionId = institution, Month = month, ClosedByUserId = closer,
                    ClosedAt = ChinaTime.StartOfDayUtc(month.LastDay.AddDays(1)).AddHours(10),
                });
                foreach (var f in Calc.Compute(month, calcEnrollments, [], classTypes, present[institution].Where(p => month.Contains(p.Date))))
                {
                    history.Monthly.Add(new MonthlyAttendance
                    {
                        Id = DemoActorId(institution, $"{month}{f.ChildId}{f.ClassType}{f.Service}"), InstitutionId = institution, ChildId = f.ChildId,
                        Month = month, ClassType = f.ClassType, Service = f.Service, EnrolledDays = f.EnrolledDays, AttendedDays = f.AttendedDays,
                    });
                }
            }
        }
    }

    /// <summary>Three corrections of last month at inst0001, waiting for 芙蓉区卫生健康局.</summary>
    private static void AddPendingCorrections(Random rng, History history, Guid? institution, Guid? carer, YearMonth month)
    {
        if (institution is null || carer is null) { return; }
        var days = history.Days.Where(d => d.InstitutionId == institution && month.Contains(d.Date)).OrderBy(d => d.Date).ThenBy(d => d.Id).ToList();
        var present = days.Where(d => d.Status == AttendanceStatus.Present).ToList();
        var absent = days.Where(d => d.Status == AttendanceStatus.Absent).ToList();
        void Add(AttendanceDay? day, CorrectionChange change, string reason)
        {
            if (day is null || history.Corrections.Any(c => c.AttendanceDayId == day.Id)) { return; }
            var before = DayState.Of(day);
            var (b, a) = CorrectionRules.Diff(before, CorrectionRules.Apply(before, change));
            history.Corrections.Add(new AttendanceCorrection
            {
                Id = DemoGuids.Next(rng), AttendanceDayId = day.Id, ChildId = day.ChildId, InstitutionId = day.InstitutionId, Date = day.Date,
                Before = b, After = a, Reason = reason, RequestedByUserId = carer.Value, Status = CorrectionStatus.Pending,
                RequestedAt = ChinaTime.StartOfDayUtc(month.LastDay.AddDays(3)).AddHours(9),
            });
        }

        Add(present.ElementAtOrDefault(present.Count / 3), new CorrectionChange(AttendanceStatus.Absent, null, null, null, null, AbsenceReason.Sick, Symptoms.Fever),
            "家长补交病历：当天发热未到园，保育人员误点签到");
        if (absent.FirstOrDefault(d => d.AbsenceReason == AbsenceReason.Leave) is { } leave)
        {
            var checkIn = ChinaTime.StartOfDayUtc(leave.Date).AddMinutes((8 * 60) + 20);
            Add(leave, new CorrectionChange(AttendanceStatus.Present, checkIn, checkIn.AddHours(9), 365, Symptoms.None, null, null),
                "当天迟到入园，家长事先请假后又送来，漏改考勤");
        }

        Add(present.ElementAtOrDefault((present.Count * 2) / 3), new CorrectionChange(null, null, null, 372, null, null, null),
            "晨检体温录入错误，纸质晨检记录为37.2℃");
    }

    private static Guid DemoActorId(Guid institution, string key = "admin") =>
        new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"demo-attendance-{key}-{institution}"))[..16]);
}
