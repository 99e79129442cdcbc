using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Contracts;
using Tuoyu.Web.Modules.Enrollment.Domain;

namespace Tuoyu.Web.Modules.Enrollment.Closing;

internal sealed class MonthlyFigures(AppDbContext db) : IMonthlyFigures
{
    public async Task<IReadOnlyList<Guid>> UnclosedAsync(IQueryable<Guid> institutionIds, YearMonth month, CancellationToken ct)
    {
        var (first, last) = (month.FirstDay, month.LastDay);
        return await db.Enrollments.AsNoTracking()
            .Where(e => institutionIds.Contains(e.InstitutionId) && e.StartDate <= last && (e.EndDate == null || e.EndDate >= first))
            .Select(e => e.InstitutionId).Distinct()
            .Where(id => !db.MonthCloses.Any(m => m.InstitutionId == id && m.Month == month))
            .ToListAsync(ct);
    }

    public async IAsyncEnumerable<MonthlyFigure> WithMovesAsync(IQueryable<Guid> institutionIds, YearMonth month, [EnumeratorCancellation] CancellationToken ct)
    {
        var here = db.MonthlyAttendance.AsNoTracking().Where(m => m.Month == month && institutionIds.Contains(m.InstitutionId));
        await foreach (var m in here.Select(m => new MonthlyFigure(m.ChildId, m.InstitutionId, m.ClassType, m.Service, m.EnrolledDays, m.AttendedDays))
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return m;
        }

        // Driven by the region's children through the (ChildId, Month) index, never by the whole month elsewhere.
        var regionChildren = db.MonthlyAttendance.Where(x => x.Month == month && institutionIds.Contains(x.InstitutionId)).Select(x => x.ChildId);
        var elsewhere = db.MonthlyAttendance.AsNoTracking()
            .Where(m => m.Month == month && regionChildren.Contains(m.ChildId) && !institutionIds.Contains(m.InstitutionId));
        await foreach (var m in elsewhere.Select(m => new MonthlyFigure(m.ChildId, m.InstitutionId, m.ClassType, m.Service, m.EnrolledDays, m.AttendedDays))
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return m;
        }
    }

    public async Task<IReadOnlyDictionary<(Guid Child, Guid Institution), DateOnly>> FirstStartsAsync(IReadOnlyCollection<Guid> childIds, DateOnly until, CancellationToken ct)
    {
        var result = new Dictionary<(Guid, Guid), DateOnly>();
        foreach (var chunk in childIds.Chunk(500))
        {
            var rows = await db.Enrollments.AsNoTracking().Where(e => chunk.Contains(e.ChildId) && e.StartDate <= until)
                .GroupBy(e => new { e.ChildId, e.InstitutionId })
                .Select(g => new { g.Key.ChildId, g.Key.InstitutionId, Start = g.Min(e => e.StartDate) })
                .ToListAsync(ct);
            foreach (var r in rows) { result[(r.ChildId, r.InstitutionId)] = r.Start; }
        }

        return result;
    }

    public async IAsyncEnumerable<(Guid Child, Guid Institution, DateOnly Date)> PresentDaysAsync(IReadOnlyCollection<Guid> institutionIds, YearMonth month,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var (first, last) = (month.FirstDay, month.LastDay);
        foreach (var chunk in institutionIds.Chunk(200))
        {
            var days = db.Attendance.AsNoTracking()
                .Where(a => chunk.Contains(a.InstitutionId) && a.Date >= first && a.Date <= last && a.Status == AttendanceStatus.Present)
                .Select(a => new { a.ChildId, a.InstitutionId, a.Date }).AsAsyncEnumerable();
            await foreach (var a in days.WithCancellation(ct)) { yield return (a.ChildId, a.InstitutionId, a.Date); }
        }
    }

    public IQueryable<ChildReference> References() =>
        db.Children.Select(c => new ChildReference { Id = c.Id, Name = c.Name, IdNumberMasked = c.IdNumberMasked });
}
