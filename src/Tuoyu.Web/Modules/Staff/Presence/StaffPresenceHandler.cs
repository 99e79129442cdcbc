using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Staff.Contracts;
using Tuoyu.Web.Modules.Staff.Domain;

namespace Tuoyu.Web.Modules.Staff.Presence;

/// <summary>
/// Staff check in and out (issue #4 item 5: "staff check in too"), so a class's ratio counts the carers actually in
/// the room. Recorded by the institution's own users; one row per person and China date (a repeated check-in
/// returns the first). Only people who care for children count towards a class's carers.
/// </summary>
internal sealed class StaffPresenceHandler(AppDbContext db, CurrentUser current, IClassDirectory classes, TimeProvider clock) : IStaffPresence
{
    /// <summary>Roles that count as carers in the ratio (保育师/保育人员, 育婴员).</summary>
    private static readonly StaffRole[] CarerRoles = [StaffRole.Carer, StaffRole.InfantCarer];

    public Task<int> CarersPresentAsync(Guid classId, DateOnly day, CancellationToken ct) =>
        db.StaffAttendance.AsNoTracking()
            .Where(a => a.ClassId == classId && a.Date == day && a.CheckOutAt == null)
            .Join(db.Staff.Where(s => CarerRoles.Contains(s.Role)), a => a.StaffMemberId, s => s.Id, (a, s) => a.Id)
            .CountAsync(ct);

    public async Task<(StaffPresenceDto Presence, bool Created)> CheckInAsync(StaffCheckInRequest request, CancellationToken ct)
    {
        new Validate().Check(request.StaffMemberId is not null, "staffMemberId", "缺少工作人员").ThrowIfInvalid();
        var user = await current.RequireAsync(ct);
        var today = ChinaTime.Today(clock);
        var member = await MemberAsync(user, request.StaffMemberId!.Value, today, ct);
        var classId = request.ClassId ?? member.ClassId;
        if (request.ClassId is { } cid && (await classes.FindAsync(cid, ct))?.InstitutionId != member.InstitutionId)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["classId"] = ["班级不属于本机构"] });
        }

        var existing = await db.StaffAttendance.AsNoTracking().FirstOrDefaultAsync(a => a.StaffMemberId == member.Id && a.Date == today, ct);
        if (existing is not null) { return (ToDto(existing), false); }
        var row = new StaffAttendanceDay
        {
            Id = Guid.NewGuid(), StaffMemberId = member.Id, InstitutionId = member.InstitutionId, ClassId = classId, Date = today,
            CheckInAt = clock.GetUtcNow().UtcDateTime, RecordedByUserId = user.Id,
        };
        db.StaffAttendance.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var winner = await db.StaffAttendance.AsNoTracking().FirstOrDefaultAsync(a => a.StaffMemberId == member.Id && a.Date == today, ct);
            if (winner is null) { throw; }
            return (ToDto(winner), false);
        }

        return (ToDto(row), true);
    }

    public async Task<StaffPresenceDto> CheckOutAsync(StaffCheckOutRequest request, CancellationToken ct)
    {
        new Validate().Check(request.StaffMemberId is not null, "staffMemberId", "缺少工作人员").ThrowIfInvalid();
        var user = await current.RequireAsync(ct);
        var today = ChinaTime.Today(clock);
        var member = await MemberAsync(user, request.StaffMemberId!.Value, today, ct);
        var row = await db.StaffAttendance.FirstOrDefaultAsync(a => a.StaffMemberId == member.Id && a.Date == today, ct)
            ?? throw new RuleViolationException("attendance.staff_not_checked_in", "该工作人员今天尚未签到");
        if (row.CheckOutAt is null)
        {
            row.CheckOutAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }

        return ToDto(row);
    }

    /// <summary>A member of the caller's own institution, employed today; 404 otherwise (other institutions' staff are private).</summary>
    private async Task<StaffMember> MemberAsync(UserContext user, Guid staffMemberId, DateOnly today, CancellationToken ct)
    {
        var member = await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.Id == staffMemberId && s.InstitutionId == user.InstitutionId, ct)
            ?? throw new NotFoundException("工作人员");
        if (member.HiredOn > today || member.LeftOn < today)
        {
            throw new RuleViolationException("attendance.staff_not_employed", "该工作人员今天不在职");
        }

        return member;
    }

    private static StaffPresenceDto ToDto(StaffAttendanceDay a) => new(a.Id, a.StaffMemberId, a.ClassId, a.Date,
        new DateTimeOffset(DateTime.SpecifyKind(a.CheckInAt, DateTimeKind.Utc)),
        a.CheckOutAt is { } o ? new DateTimeOffset(DateTime.SpecifyKind(o, DateTimeKind.Utc)) : null);
}
