using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Auditing;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Contracts;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Enrollment.Placement;

/// <summary>
/// 入托、转班、暂停、恢复、退托 by the institution's admin (ADR 0023). An enrollment, class or child outside the caller's
/// institution is 404. Every step writes an <see cref="EnrollmentEvent"/>.
/// </summary>
internal sealed class PlacementHandler(AppDbContext db, CurrentUser current, PlacementGuard guard, IInstitutionScope institutions,
    IChildScope children, IClassDirectory classes, AuditLog audit, TimeProvider clock)
{
    public async Task<EnrollmentView> EnrollAsync(EnrollRequest r, CancellationToken ct)
    {
        var v = new Validate()
            .Check(r.ChildId is not null, "childId", "请选择幼儿")
            .Check(r.ClassId is not null, "classId", "请选择班级")
            .Check(r.StartDate is not null, "startDate", "请填写入托日期");
        var service = Service(v, r.ServiceType);
        v.ThrowIfInvalid();
        var user = await current.RequireAsync(ct);
        var institutionIds = institutions.IdsInScope(user);
        var cls = await classes.FindAsync(r.ClassId!.Value, ct);
        if (cls is null || !await institutionIds.AnyAsync(id => id == cls.InstitutionId, ct)) { throw new NotFoundException("班级"); }
        // The institution may place a child it already cares for, or one whose family applied to it (ADR 0023).
        var childIds = children.IdsInScope(user);
        var reachable = await db.Children.AnyAsync(c => c.Id == r.ChildId && (childIds.Contains(c.Id)
            || db.Applications.Any(a => a.ChildId == c.Id && a.InstitutionId == cls.InstitutionId
                && (a.Status == ApplicationStatus.Waiting || a.Status == ApplicationStatus.Offered || a.Status == ApplicationStatus.Accepted))), ct);
        if (!reachable) { throw new NotFoundException("儿童"); }

        var row = await guard.RetryAsync(async () =>
        {
            var child = await db.Children.FirstAsync(c => c.Id == r.ChildId, ct);
            var placed = await guard.PlaceAsync(child, cls.Id, service, r.StartDate!.Value, null, ct);
            AddEvent(placed, EnrollmentEventKind.Enrolled, null, placed.ClassId, placed.StartDate, null, user.Id);
            await db.SaveChangesAsync(ct);
            return placed;
        }, ct);
        return await ViewAsync(row, ct);
    }

    public async Task<EnrollmentView> MoveAsync(Guid id, MoveRequest r, CancellationToken ct)
    {
        new Validate()
            .Check(r.ClassId is not null, "classId", "请选择转入班级")
            .Check(r.EffectiveOn is not null, "effectiveOn", "请填写转班日期")
            .Optional("reason", r.Reason, "原因", EnrollmentEvent.ReasonMaxLength)
            .ThrowIfInvalid();
        var user = await current.RequireAsync(ct);
        var row = await guard.RetryAsync(async () =>
        {
            var old = await LoadAsync(user, id, ct);
            var on = r.EffectiveOn!.Value;
            RequireOpen(old);
            if (on <= old.StartDate) { throw ValidationFailedException.For("effectiveOn", "转班日期须晚于本次入托开始日期"); }
            if (r.ClassId == old.ClassId) { throw ValidationFailedException.For("classId", "转入班级与当前班级相同"); }
            var target = await classes.FindAsync(r.ClassId!.Value, ct);
            if (target is null || target.InstitutionId != old.InstitutionId) { throw new NotFoundException("班级"); }
            var child = await db.Children.FirstAsync(c => c.Id == old.ChildId, ct);
            old.EndDate = on.AddDays(-1);
            old.EndReason = EnrollmentEndReason.Moved;
            var placed = await guard.PlaceAsync(child, target.Id, old.Service, on, old, ct);
            AddEvent(placed, EnrollmentEventKind.Moved, old.ClassId, target.Id, on, Clean(r.Reason), user.Id);
            await db.SaveChangesAsync(ct);
            return placed;
        }, ct);
        return await ViewAsync(row, ct);
    }

    public async Task<EnrollmentView> PauseAsync(Guid id, PauseRequest r, CancellationToken ct)
    {
        new Validate()
            .Check(r.From is not null, "from", "请填写暂停开始日期")
            .Check(r.To is null || r.From is null || r.To >= r.From, "to", "结束日期不能早于开始日期")
            .Require("reason", r.Reason, "暂停原因", EnrollmentPause.ReasonMaxLength)
            .ThrowIfInvalid();
        var user = await current.RequireAsync(ct);
        var row = await guard.RetryAsync(async () =>
        {
            var e = await LoadAsync(user, id, ct);
            var from = r.From!.Value;
            await guard.RequireOpenMonthAsync(e.InstitutionId, from, ct);
            if (from < e.StartDate || (e.EndDate is { } end && (from > end || r.To > end)))
            {
                throw new RuleViolationException("enrollment.not_active", "暂停期间须在入托期间之内");
            }

            var pauses = await db.EnrollmentPauses.Where(p => p.EnrollmentId == e.Id).ToListAsync(ct);
            var last = r.To ?? DateOnly.MaxValue;
            if (pauses.Any(p => p.From <= last && (p.To ?? DateOnly.MaxValue) >= from))
            {
                throw new RuleViolationException("enrollment.already_paused", "该期间已暂停入托");
            }

            db.EnrollmentPauses.Add(new EnrollmentPause { Id = Guid.NewGuid(), EnrollmentId = e.Id, From = from, To = r.To, Reason = r.Reason!.Trim() });
            Touch(e);
            AddEvent(e, EnrollmentEventKind.Paused, e.ClassId, null, from, r.Reason!.Trim(), user.Id);
            await db.SaveChangesAsync(ct);
            return e;
        }, ct);
        return await ViewAsync(row, ct);
    }

    public async Task<EnrollmentView> ResumeAsync(Guid id, ResumeRequest r, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var on = r.ResumeOn ?? ChinaTime.Today(clock);
        var row = await guard.RetryAsync(async () =>
        {
            var e = await LoadAsync(user, id, ct);
            var open = await db.EnrollmentPauses.Where(p => p.EnrollmentId == e.Id && p.To == null).FirstOrDefaultAsync(ct)
                ?? throw new RuleViolationException("enrollment.not_paused", "该入托记录未处于暂停状态");
            if (on <= open.From) { throw ValidationFailedException.For("resumeOn", "恢复日期须晚于暂停开始日期"); }
            await guard.RequireOpenMonthAsync(e.InstitutionId, on.AddDays(-1), ct);
            open.To = on.AddDays(-1);
            Touch(e);
            AddEvent(e, EnrollmentEventKind.Resumed, null, e.ClassId, on, null, user.Id);
            await db.SaveChangesAsync(ct);
            return e;
        }, ct);
        return await ViewAsync(row, ct);
    }

    public async Task<EnrollmentView> WithdrawAsync(Guid id, WithdrawRequest r, CancellationToken ct)
    {
        new Validate()
            .Check(r.EndDate is not null, "endDate", "请填写退托日期（最后在园日）")
            .Require("reason", r.Reason, "退托原因", EnrollmentEvent.ReasonMaxLength)
            .ThrowIfInvalid();
        var user = await current.RequireAsync(ct);
        var row = await guard.RetryAsync(async () =>
        {
            var e = await LoadAsync(user, id, ct);
            RequireOpen(e);
            var end = r.EndDate!.Value;
            if (end < e.StartDate) { throw ValidationFailedException.For("endDate", "退托日期不能早于入托日期"); }
            await guard.RequireOpenMonthAsync(e.InstitutionId, end, ct);
            e.EndDate = end;
            e.EndReason = EnrollmentEndReason.Withdrawn;
            foreach (var p in await db.EnrollmentPauses.Where(p => p.EnrollmentId == e.Id && (p.To == null || p.To > end)).ToListAsync(ct))
            {
                p.To = p.From > end ? p.From : end;
            }

            AddEvent(e, EnrollmentEventKind.Withdrawn, e.ClassId, null, end, r.Reason!.Trim(), user.Id);
            await db.SaveChangesAsync(ct);
            return e;
        }, ct);
        return await ViewAsync(row, ct);
    }

    /// <summary>A child's enrollments and their events, newest first; within the caller's child scope.</summary>
    public async Task<EnrollmentHistory> HistoryAsync(Guid childId, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var ids = children.IdsInScope(user);
        if (!await db.Children.AnyAsync(c => c.Id == childId && ids.Contains(c.Id), ct))
        {
            await audit.RecordAsync("read", nameof(ChildEnrollment), childId.ToString(), "denied", ct: ct);
            throw new NotFoundException("儿童");
        }

        await audit.RecordAsync("read", nameof(ChildEnrollment), childId.ToString(), "success", "{\"fields\":[\"Enrollments\"]}", ct: ct);
        var rows = await db.Enrollments.AsNoTracking().Where(e => e.ChildId == childId).ToListAsync(ct);
        var views = new List<EnrollmentView>();
        foreach (var e in rows.OrderByDescending(e => e.StartDate)) { views.Add(await ViewAsync(e, ct)); }
        var events = await db.EnrollmentEvents.AsNoTracking().Where(e => e.ChildId == childId).ToListAsync(ct);
        return new EnrollmentHistory(views, [.. events.OrderByDescending(e => e.At).Select(e => new EnrollmentEventView(e.EnrollmentId, e.Kind.ToString(),
            KindName(e.Kind), e.FromClassId, e.ToClassId, e.EffectiveOn, e.Reason, e.At))]);
    }

    private async Task<ChildEnrollment> LoadAsync(Common.Security.UserContext user, Guid id, CancellationToken ct)
    {
        var ids = institutions.IdsInScope(user);
        return await db.Enrollments.Where(e => e.Id == id && ids.Contains(e.InstitutionId)).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("入托记录");
    }

    private static void RequireOpen(ChildEnrollment e)
    {
        if (e.EndDate is not null) { throw new RuleViolationException("enrollment.not_active", "该入托记录已结束"); }
    }

    /// <summary>Bumps the enrollment's version so two concurrent steps on it cannot both commit.</summary>
    private void Touch(ChildEnrollment e) => db.Entry(e).Property(x => x.Version).IsModified = true;

    private void AddEvent(ChildEnrollment e, EnrollmentEventKind kind, Guid? from, Guid? to, DateOnly on, string? reason, Guid actor) =>
        db.EnrollmentEvents.Add(new EnrollmentEvent
        {
            Id = Guid.NewGuid(), EnrollmentId = e.Id, ChildId = e.ChildId, InstitutionId = e.InstitutionId, Kind = kind, FromClassId = from,
            ToClassId = to, EffectiveOn = on, Reason = reason, ActorUserId = actor, At = clock.GetUtcNow().UtcDateTime,
        });

    private async Task<EnrollmentView> ViewAsync(ChildEnrollment e, CancellationToken ct)
    {
        var cls = await classes.FindAsync(e.ClassId, ct);
        var pauses = await db.EnrollmentPauses.AsNoTracking().Where(p => p.EnrollmentId == e.Id).ToListAsync(ct);
        return new EnrollmentView(e.Id, e.ChildId, e.InstitutionId, e.ClassId, cls?.Name ?? "", cls is null ? "" : ClassTypes.ChineseName(cls.Type),
            e.Service.ToString(), CareServiceSet.ChineseName(e.Service), e.StartDate, e.EndDate, e.EndReason?.ToString(), e.PreviousEnrollmentId,
            [.. pauses.OrderBy(p => p.From).Select(p => new PauseView(p.From, p.To, p.Reason))], e.Version);
    }

    internal static CareServices Service(Validate v, string? value)
    {
        v.Check(CareServiceSet.TryParseSingle(value, out var service), "serviceType", "服务类型应为 FullDay、HalfDay、Hourly 或 Temporary");
        return service;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string KindName(EnrollmentEventKind k) => k switch
    {
        EnrollmentEventKind.Enrolled => "入托",
        EnrollmentEventKind.Moved => "转班",
        EnrollmentEventKind.Paused => "暂停",
        EnrollmentEventKind.Resumed => "恢复",
        EnrollmentEventKind.Withdrawn => "退托",
        _ => k.ToString(),
    };
}
