using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Staff.Contracts;

namespace Tuoyu.Web.Modules.Enrollment.Attendance;

/// <summary>
/// A class's day (issue #4 items 4 and 5): the roster with each child's state, the whole class checked in with one
/// tap, and the live ratio of carers present against 托育机构设置标准（试行）第十二条 (see
/// <see cref="AttendanceRules.RequiredCarers"/>).
/// </summary>
internal sealed class ClassDayHandler(AppDbContext db, CurrentUser current, IInstitutionScope scope, IClassDirectory classes,
    IStaffPresence staff, AttendanceHandler attendance, TimeProvider clock)
{
    public async Task<ClassTodayDto> TodayAsync(Guid classId, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var cls = await ClassInScopeAsync(user, classId, ct);
        var today = ChinaTime.Today(clock);
        var roster = await RosterAsync(classId, today, ct);
        var childIds = roster.Select(r => r.ChildId).ToList();
        var children = await db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.BirthDate, HasAllergies = c.Allergies != null && c.Allergies != "" })
            .ToDictionaryAsync(c => c.Id, ct);
        var days = await db.Attendance.AsNoTracking().Where(a => a.Date == today && childIds.Contains(a.ChildId)).ToDictionaryAsync(a => a.ChildId, ct);
        var carers = await staff.CarersPresentAsync(classId, today, ct);

        var rows = roster.Select(r =>
        {
            var child = children[r.ChildId];
            var day = days.GetValueOrDefault(r.ChildId);
            var dto = day is null ? null : AttendanceHandler.ToDto(day, null);
            return new ClassTodayChild(r.ChildId, child.Name, Age.InMonths(child.BirthDate, today),
                dto?.Status ?? "NotRecorded", day is null ? "未登记" : AttendanceNames.Status(day), dto?.CheckInAt, dto?.Temperature,
                dto?.HealthCheck ?? [], dto?.CheckOutAt, dto?.AbsenceReason, child.HasAllergies);
        }).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();

        // Children in the room: checked in and not yet collected.
        var inRoom = rows.Where(c => c.Status == nameof(AttendanceStatus.Present) && c.CheckOutAt is null).Select(c => c.AgeMonths).ToList();
        var required = AttendanceRules.RequiredCarers(cls.Type, inRoom);
        return new ClassTodayDto(cls.Id, cls.Name, ClassTypes.ChineseName(cls.Type), cls.Capacity, today,
            rows.Count, rows.Count(c => c.Status == nameof(AttendanceStatus.Present)), rows.Count(c => c.Status == nameof(AttendanceStatus.Absent)),
            rows.Count(c => c.Status == "NotRecorded"), carers, required, carers >= required, rows);
    }

    /// <summary>Checks in the given children of the class, or every child not yet recorded today; one transaction.</summary>
    public async Task<ClassCheckInResult> CheckInClassAsync(Guid classId, ClassCheckInRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var cls = await ClassInScopeAsync(user, classId, ct);
        if (user.InstitutionId != cls.InstitutionId) { throw new ForbiddenException("只有本机构工作人员可以登记考勤"); }
        var today = ChinaTime.Today(clock);
        await attendance.EnsureMonthOpenAsync(cls.InstitutionId, today, ct);

        for (var attempt = 1; ; attempt++)
        {
            var roster = await RosterAsync(classId, today, ct);
            var wanted = request.ChildIds is { Count: > 0 } ids ? ids.Distinct().ToList() : [.. roster.Select(r => r.ChildId)];
            var enrolled = roster.ToDictionary(r => r.ChildId);
            var recorded = await db.Attendance.AsNoTracking().Where(a => a.Date == today && wanted.Contains(a.ChildId))
                .ToDictionaryAsync(a => a.ChildId, a => a.Status, ct);
            var skipped = new List<ClassCheckInSkip>();
            var already = 0;
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var childId in wanted)
            {
                if (!enrolled.TryGetValue(childId, out var e))
                {
                    skipped.Add(new ClassCheckInSkip(childId, AttendanceRules.NotEnrolled, "该儿童今天不在本班在托"));
                }
                else if (recorded.TryGetValue(childId, out var status))
                {
                    if (status == AttendanceStatus.Present) { already++; }
                    else { skipped.Add(new ClassCheckInSkip(childId, AttendanceRules.MarkedAbsent, "今天已登记缺勤")); }
                }
                else
                {
                    db.Attendance.Add(new AttendanceDay
                    {
                        Id = Guid.NewGuid(), ChildId = childId, InstitutionId = cls.InstitutionId, ClassId = classId, EnrollmentId = e.EnrollmentId,
                        Date = today, Status = AttendanceStatus.Present, CheckInAt = now, CheckInByUserId = user.Id,
                        CheckInMethod = CheckInMethod.Staff, RecordedByUserId = user.Id,
                    });
                }
            }

            var added = wanted.Count - already - skipped.Count;
            if (added == 0) { return new ClassCheckInResult(0, already, skipped); }
            // A child checked in by someone else meanwhile: read again and retry once.
            if (await attendance.TrySaveAsync(ct) is { } failure)
            {
                if (attempt >= 2) { failure.Throw(); }
                continue;
            }

            return new ClassCheckInResult(added, already, skipped);
        }
    }

    /// <summary>The caller's own institution's classes (institution users only; empty for others).</summary>
    public async Task<IReadOnlyList<ClassInfo>> MyClassesAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        return user.InstitutionId is { } id ? await classes.OfInstitutionAsync(id, ct) : [];
    }

    /// <summary>Per child of the class: the people it may be handed to (the institution's own users only).</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<PickerOption>>> PickersAsync(Guid classId, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var cls = await ClassInScopeAsync(user, classId, ct);
        if (user.InstitutionId != cls.InstitutionId) { throw new ForbiddenException("只有本机构工作人员可以办理交接"); }
        var childIds = (await RosterAsync(classId, ChinaTime.Today(clock), ct)).Select(r => r.ChildId).ToList();
        var guardians = await db.Guardians.AsNoTracking().Where(g => childIds.Contains(g.ChildId))
            .Select(g => new { g.ChildId, g.Id, g.Name, g.Relation }).ToListAsync(ct);
        var others = await db.PickupPersons.AsNoTracking().Where(p => childIds.Contains(p.ChildId) && p.RevokedAt == null)
            .Select(p => new { p.ChildId, p.Id, p.Name, p.Relation }).ToListAsync(ct);
        return childIds.ToDictionary(id => id, id => (IReadOnlyList<PickerOption>)[
            .. guardians.Where(g => g.ChildId == id).Select(g => new PickerOption(nameof(PickupKind.Guardian), g.Id, $"{g.Name}（{g.Relation}）")),
            .. others.Where(p => p.ChildId == id).Select(p => new PickerOption(nameof(PickupKind.PickupPerson), p.Id, $"{p.Name}（{p.Relation}，授权接送）"))]);
    }

    private async Task<ClassInfo> ClassInScopeAsync(UserContext user, Guid classId, CancellationToken ct)
    {
        var cls = await classes.FindAsync(classId, ct) ?? throw new NotFoundException("班级");
        var ids = scope.IdsInScope(user);
        if (!await ids.AnyAsync(id => id == cls.InstitutionId, ct)) { throw new NotFoundException("班级"); }
        return cls;
    }

    /// <summary>Children in care in the class on <paramref name="day"/> (enrollment covering it, not paused).</summary>
    private async Task<List<(Guid ChildId, Guid EnrollmentId)>> RosterAsync(Guid classId, DateOnly day, CancellationToken ct)
    {
        var rows = await db.Enrollments.AsNoTracking()
            .Where(e => e.ClassId == classId && e.StartDate <= day && (e.EndDate == null || e.EndDate >= day)
                && !db.EnrollmentPauses.Any(p => p.EnrollmentId == e.Id && p.From <= day && (p.To == null || p.To >= day)))
            .Select(e => new { e.ChildId, e.Id }).ToListAsync(ct);
        return [.. rows.Select(r => (r.ChildId, r.Id))];
    }
}
