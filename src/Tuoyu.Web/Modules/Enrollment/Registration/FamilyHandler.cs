using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Auditing;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Enrollment.Contracts;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Identity.Contracts;

namespace Tuoyu.Web.Modules.Enrollment.Registration;

/// <summary>
/// Guardians (the child's carers in scope: institution users, or the parent) and authorised pick-up persons (the
/// parent only; institution staff list them). A child outside the caller's scope is 404 (ADR 0023).
/// </summary>
internal sealed class FamilyHandler(AppDbContext db, CurrentUser current, IChildScope scope, RegistrationHandler registration, AuditLog audit, TimeProvider clock)
{
    /// <summary>A bound for data entry, not a policy figure.</summary>
    public const int MaxPickupPersons = 10;

    public async Task<IReadOnlyList<GuardianDetail>> GuardiansAsync(Guid childId, CancellationToken ct)
    {
        await ChildInScopeAsync(childId, tracked: false, ct);
        await audit.RecordAsync("read", nameof(Guardian), childId.ToString(), "success", "{\"fields\":[\"Guardians\"]}", ct: ct);
        var rows = await db.Guardians.AsNoTracking().Where(g => g.ChildId == childId).ToListAsync(ct);
        return [.. rows.OrderBy(g => g.Relation, StringComparer.Ordinal).ThenBy(g => g.Id).Select(View)];
    }

    public async Task<GuardianDetail> AddGuardianAsync(Guid childId, GuardianRequest r, CancellationToken ct)
    {
        var v = new Validate();
        RegistrationHandler.ValidateGuardian(v, r);
        v.ThrowIfInvalid();
        var (user, child) = await ChildInScopeAsync(childId, tracked: true, ct);
        var link = await LinkAsync(user, r, ct);
        if (await db.Guardians.CountAsync(g => g.ChildId == childId, ct) >= RegistrationHandler.MaxGuardians)
        {
            throw new RuleViolationException("enrollment.guardian_limit", $"监护人最多{RegistrationHandler.MaxGuardians}位");
        }

        var g = new Guardian { Id = Guid.NewGuid(), ChildId = childId, UserId = link, Name = r.Name!.Trim(), Relation = r.Relation!.Trim(), Phone = r.Phone!.Trim() };
        db.Guardians.Add(g);
        db.Entry(child).Property(c => c.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
        return View(g);
    }

    public async Task<GuardianDetail> UpdateGuardianAsync(Guid childId, Guid guardianId, GuardianRequest r, CancellationToken ct)
    {
        var v = new Validate();
        RegistrationHandler.ValidateGuardian(v, r);
        v.ThrowIfInvalid();
        var (user, _) = await ChildInScopeAsync(childId, tracked: true, ct);
        var g = await db.Guardians.FirstOrDefaultAsync(x => x.Id == guardianId && x.ChildId == childId, ct) ?? throw new NotFoundException("监护人");
        if (!string.IsNullOrWhiteSpace(r.UserName)) { g.UserId = await LinkAsync(user, r, ct); }
        g.Name = r.Name!.Trim();
        g.Relation = r.Relation!.Trim();
        g.Phone = r.Phone!.Trim();
        await db.SaveChangesAsync(ct);
        return View(g);
    }

    /// <summary>Never the last guardian: the child's version serialises two concurrent removals.</summary>
    public async Task RemoveGuardianAsync(Guid childId, Guid guardianId, CancellationToken ct)
    {
        var (_, child) = await ChildInScopeAsync(childId, tracked: true, ct);
        var g = await db.Guardians.FirstOrDefaultAsync(x => x.Id == guardianId && x.ChildId == childId, ct) ?? throw new NotFoundException("监护人");
        if (await db.Guardians.CountAsync(x => x.ChildId == childId, ct) <= 1)
        {
            throw new RuleViolationException("enrollment.last_guardian", "至少保留一位监护人");
        }

        db.Guardians.Remove(g);
        db.Entry(child).Property(c => c.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<PickupPersonView>> PickupPersonsAsync(Guid childId, CancellationToken ct)
    {
        await ChildInScopeAsync(childId, tracked: false, ct);
        await audit.RecordAsync("read", nameof(PickupPerson), childId.ToString(), "success", "{\"fields\":[\"PickupPersons\"]}", ct: ct);
        var rows = await db.PickupPersons.AsNoTracking().Where(p => p.ChildId == childId && p.RevokedAt == null).ToListAsync(ct);
        return [.. rows.OrderBy(p => p.AuthorisedAt).Select(View)];
    }

    public async Task<PickupPersonView> AuthoriseAsync(Guid childId, PickupPersonRequest r, CancellationToken ct)
    {
        new Validate()
            .Require("name", r.Name, "接送人姓名", 50)
            .Require("relation", r.Relation, "与幼儿关系", 20)
            .Check(Domain.ChildRules.IsPhone(r.Phone), "phone", "联系电话应为11位手机号码或带区号的固定电话")
            .ThrowIfInvalid();
        var (user, child) = await ChildInScopeAsync(childId, tracked: true, ct);
        RequireGuardian(user);
        if (await db.PickupPersons.CountAsync(p => p.ChildId == childId && p.RevokedAt == null, ct) >= MaxPickupPersons)
        {
            throw new RuleViolationException("enrollment.pickup_limit", $"授权接送人最多{MaxPickupPersons}位");
        }

        var p = new PickupPerson
        {
            Id = Guid.NewGuid(), ChildId = childId, Name = r.Name!.Trim(), Relation = r.Relation!.Trim(), Phone = r.Phone!.Trim(),
            AuthorisedByUserId = user.Id, AuthorisedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.PickupPersons.Add(p);
        db.Entry(child).Property(c => c.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
        return View(p);
    }

    public async Task RevokeAsync(Guid childId, Guid pickupId, CancellationToken ct)
    {
        var (user, _) = await ChildInScopeAsync(childId, tracked: false, ct);
        RequireGuardian(user);
        var p = await db.PickupPersons.FirstOrDefaultAsync(x => x.Id == pickupId && x.ChildId == childId && x.RevokedAt == null, ct)
            ?? throw new NotFoundException("授权接送人");
        p.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Pages call the handler directly, so the permission is checked here too: only a guardian's parent account.</summary>
    private static void RequireGuardian(UserContext user)
    {
        if (!user.Has(Permissions.PickupManage)) { throw new ForbiddenException("只有监护人可以授权或撤销接送人"); }
    }

    /// <summary>Linking an account is the institution's act (it knows the family); a parent cannot link another account.</summary>
    private async Task<Guid?> LinkAsync(UserContext user, GuardianRequest r, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(r.UserName)) { return null; }
        if (user.Kind == UserKind.Parent) { throw new ForbiddenException("家长不能关联其他账号"); }
        return (await registration.LinksAsync([r], ct))[0];
    }

    private async Task<(UserContext User, Child Child)> ChildInScopeAsync(Guid childId, bool tracked, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var ids = scope.IdsInScope(user);
        var q = tracked ? db.Children : db.Children.AsNoTracking();
        var child = await q.FirstOrDefaultAsync(c => c.Id == childId && ids.Contains(c.Id), ct);
        if (child is null)
        {
            await audit.RecordAsync("read", nameof(Child), childId.ToString(), "denied", ct: ct);
            throw new NotFoundException("儿童");
        }

        return (user, child);
    }

    private static GuardianDetail View(Guardian g) => new(g.Id, g.Name, g.Relation, AuditMasking.Phone(g.Phone), g.UserId is not null);

    private static PickupPersonView View(PickupPerson p) => new(p.Id, p.Name, p.Relation, AuditMasking.Phone(p.Phone), p.AuthorisedAt);
}
