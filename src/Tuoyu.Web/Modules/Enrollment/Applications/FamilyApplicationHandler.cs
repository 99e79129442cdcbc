using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Contracts;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Enrollment.Placement;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Enrollment.Applications;

/// <summary>
/// The family's side of 入托申请 (issue #4 item 2, ADR 0026): apply to one or more institutions, withdraw, accept or decline
/// an offer. A parent reaches only applications of children they are a guardian of; any other is 404.
/// </summary>
internal sealed class FamilyApplicationHandler(AppDbContext db, CurrentUser current, IChildScope children, IInstitutionDirectory institutions,
    IClassDirectory classes, PlacementGuard guard, TimeProvider clock)
{
    /// <summary>At most this many institutions in one application: a bound for the form, not a policy figure.</summary>
    public const int MaxInstitutionsPerRequest = 10;
    /// <summary>Institutions the search on the apply form shows at once.</summary>
    public const int SearchLimit = 20;

    public async Task<IReadOnlyList<ApplicationView>> ApplyAsync(ApplyRequest r, CancellationToken ct)
    {
        var ids = (r.InstitutionIds ?? []).Distinct().ToList();
        var v = new Validate()
            .Check(r.ChildId is not null, "childId", "请选择幼儿")
            .Check(ids.Count > 0, "institutionIds", "请至少选择一家托育机构")
            .Check(ids.Count <= MaxInstitutionsPerRequest, "institutionIds", $"一次最多申请{MaxInstitutionsPerRequest}家托育机构")
            .Check(CareServiceSet.TryParseSingle(r.Service, out var service), "service", "服务类型应为 FullDay、HalfDay、Hourly 或 Temporary")
            .Check(YearMonth.TryParse(r.StartMonth, out var month), "startMonth", "入托月份格式应为 2027-01")
            .Optional("note", r.Note, "备注", ChildcareApplication.NoteMaxLength);
        var today = ChinaTime.Today(clock);
        if (month != default) { v.Check(ApplicationRules.IsPlannableMonth(month, today), "startMonth", $"入托月份须为本月至{ApplicationRules.MaxMonthsAhead}个月内"); }
        v.ThrowIfInvalid();

        var user = await current.RequireAsync(ct);
        var child = await MyChildAsync(user, r.ChildId!.Value, ct);
        var fits = ApplicationRules.FittingTypes(child.BirthDate, month);
        if (fits.Count == 0)
        {
            throw new RuleViolationException("application.age_out_of_range",
                $"幼儿在{month.Year}年{month.Month}月1日月龄为{Age.InMonths(child.BirthDate, month.FirstDay)}个月，不在托育服务年龄范围（6–36个月）内");
        }

        var listings = await institutions.ListingsAsync(ids, ct);
        var start = ApplicationRules.StartDate(month, today);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = new List<ChildcareApplication>();
        foreach (var id in ids)
        {
            if (!listings.TryGetValue(id, out var inst)) { throw new NotFoundException("机构"); }
            if (!inst.Filed) { throw new RuleViolationException("application.institution_not_filed", $"{inst.Name}尚未备案，暂不接受入托申请"); }
            if ((inst.Services & service) == 0)
            {
                throw new RuleViolationException("enrollment.service_not_offered", $"{inst.Name}未开展{CareServiceSet.ChineseName(service)}服务");
            }

            var types = (await classes.OfInstitutionAsync(id, ct)).Select(c => c.Type).ToHashSet();
            if (!fits.Any(types.Contains))
            {
                throw new RuleViolationException("application.no_fitting_class",
                    $"{inst.Name}没有适合该幼儿月龄的班级（可入{string.Join("、", fits.Select(ClassTypes.ChineseName))}）");
            }

            if (await db.Enrollments.AnyAsync(e => e.ChildId == child.Id && e.InstitutionId == id && (e.EndDate == null || e.EndDate >= start), ct))
            {
                throw new RuleViolationException("application.already_enrolled", $"该幼儿已在{inst.Name}入托");
            }

            if (await db.Applications.AnyAsync(a => a.ChildId == child.Id && a.InstitutionId == id
                    && (a.Status == ApplicationStatus.Waiting || a.Status == ApplicationStatus.Offered), ct))
            {
                throw Duplicate(inst.Name);
            }

            rows.Add(new ChildcareApplication
            {
                Id = Guid.NewGuid(), ChildId = child.Id, InstitutionId = id, ApplicantUserId = user.Id, Service = service, StartMonth = month,
                Status = ApplicationStatus.Waiting, SubmittedAt = now, Note = Clean(r.Note),
            });
        }

        db.Applications.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // The unique index over open applications: a concurrent request applied for the same child and institution first.
            throw Duplicate("该机构");
        }

        return await ViewsAsync(rows, ct);
    }

    /// <summary>The caller's children's applications, newest first; offers past their deadline lapse first.</summary>
    public async Task<IReadOnlyList<ApplicationView>> MineAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var mine = children.IdsInScope(user);
        await OfferLapse.LapseAsync(db, db.Applications.Where(a => mine.Contains(a.ChildId)), ChinaTime.Today(clock), clock.GetUtcNow().UtcDateTime, ct);
        var rows = await db.Applications.AsNoTracking().Where(a => mine.Contains(a.ChildId)).ToListAsync(ct);
        return await ViewsAsync([.. rows.OrderByDescending(a => a.SubmittedAt).ThenBy(a => a.Id)], ct);
    }

    public async Task<ApplicationView> WithdrawAsync(Guid id, CancellationToken ct)
    {
        var a = await LoadAsync(id, ct);
        if (!ApplicationRules.CanWithdraw(a.Status))
        {
            throw new RuleViolationException("application.not_waiting", $"申请{ApplicationRules.StatusName(a.Status)}，不能撤回");
        }

        a.Status = ApplicationStatus.Withdrawn;
        a.ClosedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([a], ct))[0];
    }

    public async Task<ApplicationView> DeclineAsync(Guid id, CancellationToken ct)
    {
        var a = await LoadAsync(id, ct);
        await RequireOutstandingOfferAsync(a, ct);
        a.Status = ApplicationStatus.Declined;
        a.ClosedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([a], ct))[0];
    }

    /// <summary>
    /// 接受学位: places the child through <see cref="PlacementGuard"/> (age, service, overlap, closed month and the atomic capacity
    /// rule), closes the application as accepted and withdraws the child's other open applications — one save. When the class
    /// filled meanwhile the guard's 409 leaves everything as it was (the offer stays open).
    /// </summary>
    public async Task<ApplicationView> AcceptAsync(Guid id, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var accepted = await guard.RetryAsync(async () =>
        {
            var a = await LoadAsync(id, ct);
            await RequireOutstandingOfferAsync(a, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var child = await db.Children.FirstAsync(c => c.Id == a.ChildId, ct);
            var start = ApplicationRules.StartDate(a.StartMonth, ChinaTime.Today(clock));
            var placed = await guard.PlaceAsync(child, a.OfferedClassId!.Value, a.Service, start, null, ct);
            db.EnrollmentEvents.Add(new EnrollmentEvent
            {
                Id = Guid.NewGuid(), EnrollmentId = placed.Id, ChildId = placed.ChildId, InstitutionId = placed.InstitutionId,
                Kind = EnrollmentEventKind.Enrolled, ToClassId = placed.ClassId, EffectiveOn = placed.StartDate, Reason = "接受入托申请学位",
                ActorUserId = user.Id, At = now,
            });
            a.Status = ApplicationStatus.Accepted;
            a.EnrollmentId = placed.Id;
            a.ClosedAt = now;
            var others = await db.Applications.Where(o => o.ChildId == a.ChildId && o.Id != a.Id
                && (o.Status == ApplicationStatus.Waiting || o.Status == ApplicationStatus.Offered)).ToListAsync(ct);
            foreach (var o in others)
            {
                // The family has its place: other queues and other offers are freed for other children.
                o.Status = o.Status == ApplicationStatus.Offered ? ApplicationStatus.Declined : ApplicationStatus.Withdrawn;
                o.ClosedAt = now;
            }

            await db.SaveChangesAsync(ct);
            return a;
        }, ct);
        return (await ViewsAsync([accepted], ct))[0];
    }

    /// <summary>Filed institutions by name for the apply form, with the services each offers.</summary>
    public async Task<IReadOnlyList<ApplicableInstitution>> SearchInstitutionsAsync(string? name, string? region, CancellationToken ct)
    {
        new Validate().Optional("q", name, "机构名称", 50)
            .Check(string.IsNullOrWhiteSpace(region) || Common.Regions.RegionCode.IsValid(region.Trim()), "region", "区划代码应为12位数字")
            .ThrowIfInvalid();
        var prefix = string.IsNullOrWhiteSpace(region) ? null : Common.Regions.RegionCode.PrefixOf(region.Trim());
        var rows = await institutions.SearchFiledAsync(name, prefix, SearchLimit, ct);
        return [.. rows.Select(i => new ApplicableInstitution(i.Id, i.Name, [.. CareServiceSet.Split(i.Services).Select(s => s.ToString())],
            [.. CareServiceSet.Split(i.Services).Select(CareServiceSet.ChineseName)]))];
    }

    /// <summary>The caller's children (for the apply form).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> MyChildrenAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var mine = children.IdsInScope(user);
        var rows = await db.Children.AsNoTracking().Where(c => mine.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        return [.. rows.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => (c.Id, c.Name))];
    }

    /// <summary>An offered application whose deadline has not passed; a passed one lapses now (saved) and the answer is 409.</summary>
    private async Task RequireOutstandingOfferAsync(ChildcareApplication a, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        if (ApplicationRules.HasLapsed(a, today))
        {
            OfferLapse.Lapse(a, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            throw new RuleViolationException("application.offer_lapsed", $"学位确认期限（{a.OfferExpiresOn:yyyy-MM-dd}）已过，学位已失效");
        }

        if (!ApplicationRules.CanAnswer(a, today))
        {
            throw new RuleViolationException("application.not_offered", $"申请{ApplicationRules.StatusName(a.Status)}，没有待确认的学位");
        }
    }

    private async Task<ChildcareApplication> LoadAsync(Guid id, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var mine = children.IdsInScope(user);
        return await db.Applications.FirstOrDefaultAsync(a => a.Id == id && mine.Contains(a.ChildId), ct) ?? throw new NotFoundException("入托申请");
    }

    private async Task<Child> MyChildAsync(UserContext user, Guid childId, CancellationToken ct)
    {
        var mine = children.IdsInScope(user);
        return await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.Id == childId && mine.Contains(c.Id), ct) ?? throw new NotFoundException("儿童");
    }

    private async Task<IReadOnlyList<ApplicationView>> ViewsAsync(IReadOnlyList<ChildcareApplication> rows, CancellationToken ct)
    {
        var childIds = rows.Select(a => a.ChildId).Distinct().ToList();
        var names = await db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var insts = await institutions.InstitutionNamesAsync([.. rows.Select(a => a.InstitutionId).Distinct()], ct);
        var classNames = new Dictionary<Guid, string>();
        foreach (var classId in rows.Select(a => a.OfferedClassId).OfType<Guid>().Distinct())
        {
            if (await classes.FindAsync(classId, ct) is { } c) { classNames[classId] = $"{c.Name}（{ClassTypes.ChineseName(c.Type)}）"; }
        }

        return [.. rows.Select(a => new ApplicationView(a.Id, a.ChildId, names.GetValueOrDefault(a.ChildId, ""), a.InstitutionId,
            insts.GetValueOrDefault(a.InstitutionId, ""), a.Service.ToString(), CareServiceSet.ChineseName(a.Service), a.StartMonth.ToString(),
            a.Status.ToString(), ApplicationRules.StatusName(a.Status), a.SubmittedAt, a.OfferedClassId,
            a.OfferedClassId is { } cid ? classNames.GetValueOrDefault(cid) : null, a.OfferExpiresOn, a.Note, a.EnrollmentId, a.Version))];
    }

    private static RuleViolationException Duplicate(string institution) =>
        new("application.duplicate", $"该幼儿在{institution}已有排队中或待确认的申请");

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
