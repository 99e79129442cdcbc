using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Contracts;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Enrollment.Scope;

internal sealed class ChildScope(AppDbContext db, IInstitutionScope institutions, TimeProvider clock) : IChildScope
{
    public IQueryable<Guid> IdsInScope(UserContext user)
    {
        if (user.Kind == UserKind.Parent)
        {
            return db.Guardians.Where(g => g.UserId == user.Id).Select(g => g.ChildId);
        }

        var today = ChinaTime.Today(clock);
        var ids = institutions.IdsInScope(user);
        return db.Enrollments
            .Where(e => (e.EndDate == null || e.EndDate >= today) && ids.Contains(e.InstitutionId))
            .Select(e => e.ChildId);
    }

    public Task<int> EnrolledCountAsync(IQueryable<Guid> institutionIds, DateOnly day, CancellationToken ct) =>
        db.Enrollments
            .Where(e => e.StartDate <= day && (e.EndDate == null || e.EndDate >= day) && institutionIds.Contains(e.InstitutionId))
            .Select(e => e.ChildId)
            .Distinct()
            .CountAsync(ct);

    public Task<int> OwnEnrolledCountAsync(UserContext user, DateOnly day, CancellationToken ct)
    {
        var own = db.Guardians.Where(g => g.UserId == user.Id).Select(g => g.ChildId);
        return db.Enrollments
            .Where(e => e.StartDate <= day && (e.EndDate == null || e.EndDate >= day) && own.Contains(e.ChildId))
            .Select(e => e.ChildId)
            .Distinct()
            .CountAsync(ct);
    }
}
