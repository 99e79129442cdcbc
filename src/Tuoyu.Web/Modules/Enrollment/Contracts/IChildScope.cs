using Tuoyu.Web.Common.Security;

namespace Tuoyu.Web.Modules.Enrollment.Contracts;

/// <summary>Children in a caller's scope and enrollment counts, for other modules.</summary>
public interface IChildScope
{
    /// <summary>Ids of children the caller may see: a parent's own children, or children enrolled in institutions in scope.</summary>
    IQueryable<Guid> IdsInScope(UserContext user);

    /// <summary>Children enrolled on <paramref name="day"/> in the given institutions.</summary>
    Task<int> EnrolledCountAsync(IQueryable<Guid> institutionIds, DateOnly day, CancellationToken ct);

    /// <summary>Of the caller's own children (a parent's), those enrolled somewhere on <paramref name="day"/>.</summary>
    Task<int> OwnEnrolledCountAsync(UserContext user, DateOnly day, CancellationToken ct);
}
