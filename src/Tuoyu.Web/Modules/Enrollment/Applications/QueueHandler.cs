using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Enrollment.Placement;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Enrollment.Applications;

/// <summary>
/// The institution's side of 入托申请 (issue #4 item 2, ADR 0026): its queue in submission order, 发出学位 and 不予录取.
/// The queue of an institution outside the caller's scope is 403 (institutions are public records); an application outside it
/// is 404 (a family's application is not).
/// </summary>
internal sealed class QueueHandler(AppDbContext db, CurrentUser current, IInstitutionScope scope, IInstitutionDirectory institutions,
    IClassDirectory classes, PlacementGuard guard, IOptions<ApplicationSettings> settings, TimeProvider clock)
{
    public const int PageSize = 20;
    /// <summary>Rows in one Excel export of a queue.</summary>
    public const int MaxExportRows = 5000;

    public async Task<QueuePage> ListAsync(Guid institutionId, string? status, int? page, CancellationToken ct)
    {
        var p = page ?? 1;
        var statuses = Statuses(status, p);
        var q = await QueueAsync(institutionId, statuses, ct);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id).Skip((p - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new QueuePage(await ItemsAsync(institutionId, rows, ct), total, p, PageSize);
    }

    /// <summary>The queue (same filter) as rows for Excel, in submission order.</summary>
    public async Task<IReadOnlyList<QueueItem>> ExportAsync(Guid institutionId, string? status, CancellationToken ct)
    {
        var q = await QueueAsync(institutionId, Statuses(status, 1), ct);
        var rows = await q.OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id).Take(MaxExportRows).ToListAsync(ct);
        return await ItemsAsync(institutionId, rows, ct);
    }

    /// <summary>
    /// 发出学位: the class must belong to the institution, accept the child's age on the start date and the service, and have a free
    /// place counting outstanding offers. The class is locked like a placement (ADR 0023), so two offers — or an offer and a
    /// placement — that counted the same last place cannot both commit.
    /// </summary>
    public async Task<QueueItem> OfferAsync(Guid id, OfferRequest r, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        new Validate()
            .Check(r.ClassId is not null, "classId", "请选择班级")
            .Check(r.ExpiresOn is null || r.ExpiresOn >= today, "expiresOn", "确认期限不能早于今天")
            .Check(r.ExpiresOn is null || r.ExpiresOn <= today.AddDays(ApplicationRules.MaxOfferDays), "expiresOn",
                $"确认期限最长为{ApplicationRules.MaxOfferDays}天")
            .ThrowIfInvalid();
        var user = await current.RequireAsync(ct);
        var offered = await guard.RetryAsync(async () =>
        {
            var a = await LoadAsync(user, id, ct);
            RequireWaiting(a);
            var cls = await classes.LockForPlacementAsync(r.ClassId!.Value, ct);
            if (cls is null || cls.InstitutionId != a.InstitutionId) { throw new NotFoundException("班级"); }
            if ((await institutions.ServicesAsync(a.InstitutionId, ct) & a.Service) == 0)
            {
                throw new RuleViolationException("enrollment.service_not_offered", $"本机构未开展{CareServiceSet.ChineseName(a.Service)}服务");
            }

            var child = await db.Children.AsNoTracking().FirstAsync(c => c.Id == a.ChildId, ct);
            var start = ApplicationRules.StartDate(a.StartMonth, today);
            if (!ChildRules.FitsClass(child.BirthDate, start, cls.Type))
            {
                throw new RuleViolationException("enrollment.age_out_of_range",
                    $"幼儿入托时月龄为{Age.InMonths(child.BirthDate, start)}个月，不符合{ClassTypes.ChineseName(cls.Type)}（{ClassTypes.AgeRangeText(cls.Type)}）");
            }

            // Places held on the start date: enrollments not ended by then (as PlacementGuard counts) and offers not yet answered.
            var enrolled = await db.Enrollments.CountAsync(e => e.ClassId == cls.Id && (e.EndDate == null || e.EndDate >= start), ct);
            var offers = await db.Applications.CountAsync(o => o.OfferedClassId == cls.Id && o.Status == ApplicationStatus.Offered
                && o.OfferExpiresOn >= today, ct);
            if (enrolled + offers >= cls.Capacity)
            {
                throw new RuleViolationException("enrollment.class_full", $"{cls.Name}已满（{cls.Capacity}人，含{offers}个待确认的学位）");
            }

            a.Status = ApplicationStatus.Offered;
            a.OfferedClassId = cls.Id;
            a.OfferedAt = clock.GetUtcNow().UtcDateTime;
            a.OfferExpiresOn = r.ExpiresOn ?? today.AddDays(settings.Value.OfferDays);
            await db.SaveChangesAsync(ct);
            return a;
        }, ct);
        return (await ItemsAsync(offered.InstitutionId, [offered], ct))[0];
    }

    public async Task<QueueItem> RefuseAsync(Guid id, RefuseRequest r, CancellationToken ct)
    {
        new Validate().Require("reason", r.Reason, "不予录取原因", ChildcareApplication.NoteMaxLength).ThrowIfInvalid();
        var user = await current.RequireAsync(ct);
        var a = await LoadAsync(user, id, ct);
        RequireWaiting(a);
        a.Status = ApplicationStatus.Refused;
        a.Note = r.Reason!.Trim();
        a.ClosedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return (await ItemsAsync(a.InstitutionId, [a], ct))[0];
    }

    /// <summary>The institution's classes, for the offer form; within the caller's scope.</summary>
    public async Task<IReadOnlyList<ClassInfo>> ClassesAsync(Guid institutionId, CancellationToken ct)
    {
        await RequireInScopeAsync(institutionId, ct);
        return await classes.OfInstitutionAsync(institutionId, ct);
    }

    /// <summary>403 for an institution outside the caller's scope, 404 for none.</summary>
    public async Task<UserContext> RequireInScopeAsync(Guid institutionId, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        if ((await institutions.ListingsAsync([institutionId], ct)).Count == 0) { throw new NotFoundException("机构"); }
        if (!await scope.IdsInScope(user).AnyAsync(x => x == institutionId, ct)) { throw new ForbiddenException("该机构不在您的管辖范围内"); }
        return user;
    }

    private async Task<IQueryable<ChildcareApplication>> QueueAsync(Guid institutionId, IReadOnlyList<ApplicationStatus> statuses, CancellationToken ct)
    {
        await RequireInScopeAsync(institutionId, ct);
        await OfferLapse.LapseAsync(db, db.Applications.Where(a => a.InstitutionId == institutionId), ChinaTime.Today(clock),
            clock.GetUtcNow().UtcDateTime, ct);
        return db.Applications.AsNoTracking().Where(a => a.InstitutionId == institutionId && statuses.Contains(a.Status));
    }

    /// <summary>"" or null: the open queue (waiting and offered); otherwise one status by name.</summary>
    private static IReadOnlyList<ApplicationStatus> Statuses(string? status, int page)
    {
        var v = new Validate().Check(page >= 1, "page", "页码须大于等于1");
        ApplicationStatus parsed = default;
        var all = string.IsNullOrWhiteSpace(status);
        if (!all)
        {
            v.Check(char.IsAsciiLetter(status!.Trim()[0]) && Enum.TryParse(status.Trim(), ignoreCase: true, out parsed) && Enum.IsDefined(parsed),
                "status", "状态应为 Waiting、Offered、Accepted、Declined、Lapsed、Withdrawn 或 Refused");
        }

        v.ThrowIfInvalid();
        return all ? [ApplicationStatus.Waiting, ApplicationStatus.Offered] : [parsed];
    }

    private static void RequireWaiting(ChildcareApplication a)
    {
        if (!ApplicationRules.CanDecide(a.Status))
        {
            throw new RuleViolationException("application.not_waiting", $"申请{ApplicationRules.StatusName(a.Status)}，不能再发出学位或不予录取");
        }
    }

    private async Task<ChildcareApplication> LoadAsync(UserContext user, Guid id, CancellationToken ct)
    {
        var ids = scope.IdsInScope(user);
        return await db.Applications.FirstOrDefaultAsync(a => a.Id == id && ids.Contains(a.InstitutionId), ct) ?? throw new NotFoundException("入托申请");
    }

    private async Task<IReadOnlyList<QueueItem>> ItemsAsync(Guid institutionId, IReadOnlyList<ChildcareApplication> rows, CancellationToken ct)
    {
        var childIds = rows.Select(a => a.ChildId).Distinct().ToList();
        var kids = await db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id)).Select(c => new { c.Id, c.Name, c.BirthDate })
            .ToDictionaryAsync(c => c.Id, ct);
        var classNames = (await classes.OfInstitutionAsync(institutionId, ct)).ToDictionary(c => c.Id, c => $"{c.Name}（{ClassTypes.ChineseName(c.Type)}）");
        return [.. rows.Select(a =>
        {
            var kid = kids[a.ChildId];
            var fits = ApplicationRules.FittingTypes(kid.BirthDate, a.StartMonth);
            return new QueueItem(a.Id, a.ChildId, kid.Name, Age.InMonths(kid.BirthDate, a.StartMonth.FirstDay), [.. fits.Select(t => t.ToString())],
                [.. fits.Select(ClassTypes.ChineseName)], a.Service.ToString(), CareServiceSet.ChineseName(a.Service), a.StartMonth.ToString(),
                a.Status.ToString(), ApplicationRules.StatusName(a.Status), a.SubmittedAt, a.OfferedClassId,
                a.OfferedClassId is { } cid ? classNames.GetValueOrDefault(cid) : null, a.OfferExpiresOn, a.Note, a.Version);
        })];
    }
}
