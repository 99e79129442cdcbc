using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Auditing;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Staff.Domain;

namespace Tuoyu.Web.Modules.Staff.Registry;

/// <summary>
/// The checks every hire passes (ADR 0030), in this order: the ban register (终身禁入, refused and audited, and the
/// institution learns only that the person cannot be hired), the class, the same post twice, and 挂靠.
/// </summary>
internal sealed class StaffHiring(AppDbContext db, IClassDirectory classes, AuditLog audit, TimeProvider clock)
{
    /// <summary>Refuses a banned ID hash. Runs before anything is added to the unit of work, so the audit record is all that is saved.</summary>
    public async Task RefuseIfBannedAsync(string idNumberHash, Guid institutionId, CancellationToken ct)
    {
        if (!await db.StaffBans.AnyAsync(b => b.IdNumberHash == idNumberHash, ct)) { return; }
        await audit.RecordAsync("hire_refused", nameof(StaffPerson), null, "failure",
            $"{{\"institutionId\":\"{institutionId}\",\"reason\":\"ban_register\"}}", ct: ct);
        throw new RuleViolationException("staff.cannot_hire", "该人员不能被聘用，如有疑问请联系主管部门");
    }

    public async Task CheckClassAsync(Guid? classId, Guid institutionId, CancellationToken ct)
    {
        if (classId is { } id && (await classes.FindAsync(id, ct))?.InstitutionId != institutionId)
        {
            throw ValidationFailedException.For("classId", "班级不属于本机构");
        }
    }

    /// <summary>Adds the post; <paramref name="person"/> is tracked (new or loaded) and touched so concurrent hires conflict on its version.</summary>
    public async Task<StaffMember> AddPostAsync(StaffPerson person, bool isNew, Guid institutionId, StaffRole role, DateOnly from, Guid? classId, CancellationToken ct)
    {
        var existing = isNew ? [] : await db.Staff.Where(m => m.PersonId == person.Id).ToListAsync(ct);
        if (existing.Any(m => m.InstitutionId == institutionId && m.Role == role && StaffRules.Overlaps(from, null, m.HiredOn, m.LeftOn)))
        {
            throw new RuleViolationException("staff.already_employed", "该人员已在本机构担任该岗位");
        }

        var exceptions = isNew ? [] : await db.StaffPostExceptions.Where(e => e.PersonId == person.Id).ToListAsync(ct);
        if (StaffRules.ConcurrentCarerPost(existing, institutionId, role, from, null, exceptions) is not null)
        {
            // 挂靠 (issue #7 item 1; Guangdong's 智慧托育 stops one carer registered at several institutions).
            throw new RuleViolationException("staff.concurrent_post", "该人员已在其他机构担任保育岗位，不能同时在两家机构任保育岗位（挂靠）；确需兼任的，须经主管部门批准");
        }

        var latest = await db.StaffCertificates.Where(c => c.PersonId == person.Id).OrderByDescending(c => c.RecordedAt).FirstOrDefaultAsync(ct);
        var member = new StaffMember
        {
            Id = Guid.NewGuid(), InstitutionId = institutionId, PersonId = person.Id, Name = person.Name, Role = role, ClassId = classId, HiredOn = from,
            CertificateNumber = latest?.NumberMasked, CertificateExpiresOn = latest?.ExpiresOn,
        };
        db.Staff.Add(member);
        person.EmploymentsChangedAt = clock.GetUtcNow().UtcDateTime;
        if (!isNew) { db.Entry(person).State = EntityState.Modified; } // bumps the version even when the clock has not moved
        return member;
    }
}
