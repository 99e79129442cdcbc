using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Enrollment.Placement;

/// <summary>
/// Places a child in a class with the age, service, overlap and capacity rules, atomically (ADR 0023): the class's
/// version (Registry's capacity guard) and the child's version are bumped in the same SaveChanges as the new row, so of
/// two writers that counted the same class or the same child only one commits; the other is retried by
/// <see cref="RetryAsync{T}"/> and counts again.
/// </summary>
internal sealed class PlacementGuard(AppDbContext db, IClassDirectory classes, IInstitutionDirectory institutions)
{
    /// <summary>Enough for a burst of writers on one class; each retry sees the winners' rows.</summary>
    private const int MaxAttempts = 60;

    /// <summary>
    /// Locks the class and the child (tracked), then checks the rules and adds the enrollment row (not saved).
    /// <paramref name="child"/> must be tracked; <paramref name="moving"/> is the row a move ends (excluded from the overlap check).
    /// </summary>
    public async Task<ChildEnrollment> PlaceAsync(Child child, Guid classId, CareServices service, DateOnly start, ChildEnrollment? moving, CancellationToken ct)
    {
        // Version first, then count: a commit after our read moves the version on and our save fails.
        var cls = await classes.LockForPlacementAsync(classId, ct) ?? throw new NotFoundException("班级");
        if (db.Entry(child).State == EntityState.Unchanged) { db.Entry(child).Property(c => c.Version).IsModified = true; }

        await RequireOpenMonthAsync(cls.InstitutionId, start, ct);
        var offered = await institutions.ServicesAsync(cls.InstitutionId, ct);
        if ((offered & service) == 0)
        {
            throw new RuleViolationException("enrollment.service_not_offered", $"本机构未开展{CareServiceSet.ChineseName(service)}服务");
        }

        if (!ChildRules.FitsClass(child.BirthDate, start, cls.Type))
        {
            throw new RuleViolationException("enrollment.age_out_of_range",
                $"幼儿入托时月龄为{Common.Time.Age.InMonths(child.BirthDate, start)}个月，不符合{ClassTypes.ChineseName(cls.Type)}（{ClassTypes.AgeRangeText(cls.Type)}）");
        }

        var movingId = moving?.Id;
        var overlapping = await db.Enrollments.AnyAsync(e => e.ChildId == child.Id && e.Id != movingId && (e.EndDate == null || e.EndDate >= start), ct);
        if (overlapping)
        {
            throw new RuleViolationException("enrollment.already_enrolled", "该幼儿在该日期已有入托记录，不能重复入托");
        }

        // Same count as IEnrollmentCounts.ActiveInClassAsync: rows not ended by the start date, later starts included.
        var taken = await db.Enrollments.CountAsync(e => e.ClassId == cls.Id && (e.EndDate == null || e.EndDate >= start), ct);
        if (taken >= cls.Capacity)
        {
            throw new RuleViolationException("enrollment.class_full", $"{cls.Name}已满（{cls.Capacity}人）");
        }

        var row = new ChildEnrollment
        {
            Id = Guid.NewGuid(), ChildId = child.Id, InstitutionId = cls.InstitutionId, ClassId = cls.Id, Service = service,
            StartDate = start, PreviousEnrollmentId = moving?.Id,
        };
        db.Enrollments.Add(row);
        return row;
    }

    /// <summary>
    /// A closed month's figures are what subsidies pay on (ADR 0021): a step effective in a closed month would change them
    /// silently, so it is refused (corrections there go through a regulator).
    /// </summary>
    public async Task RequireOpenMonthAsync(Guid institutionId, DateOnly day, CancellationToken ct)
    {
        var month = Common.Time.YearMonth.Of(day);
        if (await db.MonthCloses.AnyAsync(m => m.InstitutionId == institutionId && m.Month == month, ct))
        {
            throw new RuleViolationException("enrollment.month_closed", $"{month.Year}年{month.Month}月的考勤已关账，不能办理该日期的入托变动");
        }
    }

    /// <summary>Runs <paramref name="attempt"/> until it saves without a concurrency conflict; each attempt starts from a clean unit of work.</summary>
    public async Task<T> RetryAsync<T>(Func<Task<T>> attempt, CancellationToken ct)
    {
        for (var n = 1; ; n++)
        {
            try
            {
                return await attempt();
            }
            catch (DbUpdateConcurrencyException) when (n < MaxAttempts)
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(1, 5 * Math.Min(n, 10)), ct);
            }
        }
    }
}
