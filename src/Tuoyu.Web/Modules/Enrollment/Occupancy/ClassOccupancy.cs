using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Modules.Enrollment.Contracts;
using Tuoyu.Web.Modules.Enrollment.Domain;

namespace Tuoyu.Web.Modules.Enrollment.Occupancy;

internal sealed class ClassOccupancy(AppDbContext db) : IClassOccupancy
{
    public IQueryable<Guid> ActiveEnrollmentClassIds(DateOnly day) =>
        db.Enrollments.Where(e => e.StartDate <= day && (e.EndDate == null || e.EndDate >= day)).Select(e => e.ClassId);

    public IQueryable<Guid> OutstandingOfferClassIds(DateOnly day) =>
        db.Applications.Where(a => a.Status == ApplicationStatus.Offered && a.OfferedClassId != null && a.OfferExpiresOn >= day)
            .Select(a => a.OfferedClassId!.Value);

    public async Task<Dictionary<Guid, int>> ActiveCountsByClassAsync(IReadOnlyCollection<Guid> classIds, DateOnly day, CancellationToken ct)
    {
        if (classIds.Count == 0) { return []; }
        var ids = classIds.ToList();
        return await db.Enrollments.AsNoTracking()
            .Where(e => ids.Contains(e.ClassId) && e.StartDate <= day && (e.EndDate == null || e.EndDate >= day))
            .GroupBy(e => e.ClassId)
            .Select(g => new { ClassId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.ClassId, x => x.Count, ct);
    }
}
