using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Modules.Enrollment.Contracts;

namespace Tuoyu.Web.Modules.Enrollment.Counts;

internal sealed class EnrollmentCounts(AppDbContext db) : IEnrollmentCounts
{
    public Task<int> ActiveInClassAsync(Guid classId, DateOnly day, CancellationToken ct) =>
        db.Enrollments.AsNoTracking().CountAsync(e => e.ClassId == classId && (e.EndDate == null || e.EndDate >= day), ct);
}
