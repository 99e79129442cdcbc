using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Identity.Contracts;

namespace Tuoyu.Web.Modules.Enrollment.Messages;

/// <summary>
/// Who may see a child's thread (ADR 0027): its guardians (parent accounts linked to the child) and the users of an
/// institution where the child is enrolled now (not ended). Anyone else gets 404: the child's existence is private.
/// </summary>
/// <param name="ChildId">The child.</param>
/// <param name="IsGuardian">The caller is one of the child's guardians.</param>
/// <param name="InstitutionIds">The institutions whose side of the thread the caller sees (a guardian: every current one).</param>
/// <param name="ClassIds">The child's current classes there, whose notices belong in the feed.</param>
internal sealed record ChildThread(Guid ChildId, bool IsGuardian, IReadOnlyList<Guid> InstitutionIds, IReadOnlyList<Guid> ClassIds)
{
    /// <summary>The institution a new message goes to: the caller's own, or for a guardian the child's current one.</summary>
    public Guid InstitutionForSending => InstitutionIds.Count > 0 ? InstitutionIds[0]
        : throw new RuleViolationException(MessageRules.NotInCare, "孩子目前不在托，无法给托育机构发消息");
}

internal sealed class ThreadAccess(AppDbContext db, TimeProvider clock)
{
    public async Task<ChildThread> ResolveAsync(UserContext user, Guid childId, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var current = db.Enrollments.AsNoTracking().Where(e => e.ChildId == childId && (e.EndDate == null || e.EndDate >= today));
        if (user.Kind == UserKind.Parent)
        {
            if (!await db.Guardians.AnyAsync(g => g.UserId == user.Id && g.ChildId == childId, ct)) { throw new NotFoundException("儿童"); }
            var rows = await current.OrderByDescending(e => e.StartDate <= today).ThenByDescending(e => e.StartDate)
                .Select(e => new { e.InstitutionId, e.ClassId }).ToListAsync(ct);
            return new ChildThread(childId, true, [.. rows.Select(r => r.InstitutionId).Distinct()], [.. rows.Select(r => r.ClassId).Distinct()]);
        }

        if (user.InstitutionId is not { } own) { throw new NotFoundException("儿童"); }
        var classes = await current.Where(e => e.InstitutionId == own).Select(e => e.ClassId).Distinct().ToListAsync(ct);
        if (classes.Count == 0) { throw new NotFoundException("儿童"); }
        return new ChildThread(childId, false, [own], classes);
    }

    /// <summary>The ids of a guardian's children and their current classes (for unread counts and notices).</summary>
    public async Task<IReadOnlyList<(Guid ChildId, Guid ClassId)>> GuardianClassesAsync(Guid userId, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var rows = await db.Guardians.AsNoTracking().Where(g => g.UserId == userId)
            .Join(db.Enrollments.Where(e => e.EndDate == null || e.EndDate >= today), g => g.ChildId, e => e.ChildId, (g, e) => new { e.ChildId, e.ClassId })
            .Distinct().ToListAsync(ct);
        return [.. rows.Select(r => (r.ChildId, r.ClassId))];
    }
}
