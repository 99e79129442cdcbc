using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Enrollment.Contracts;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Registry.Scope;

namespace Tuoyu.Web.Modules.Registry.Classes;

/// <summary>
/// An institution's classes (班级), within the caller's scope; pages and API share it.
/// Every write also bumps the institution's <see cref="IVersioned.Version"/>: the classes' capacities
/// are checked against the institution's slots, so two concurrent writes that each fit alone must
/// not both commit. The institution row is the lock: EF's concurrency check on it fails for the
/// loser (409 concurrency.conflict) and its transaction, class change included, rolls back.
/// </summary>
internal sealed class ClassHandler(AppDbContext db, IInstitutionScope scope, CurrentUser current, IEnrollmentCounts enrollments, TimeProvider clock)
{
    public async Task<IReadOnlyList<ClassDto>> ListAsync(Guid institutionId, CancellationToken ct)
    {
        await LoadInScopeAsync(institutionId, tracked: false, ct);
        var rows = await db.Classes.AsNoTracking().Where(c => c.InstitutionId == institutionId).ToListAsync(ct);
        return [.. rows.OrderBy(c => c.Type).ThenBy(c => c.Name, StringComparer.Ordinal).Select(ToDto)];
    }

    public async Task<ClassDto> GetAsync(Guid institutionId, Guid classId, CancellationToken ct)
    {
        await LoadInScopeAsync(institutionId, tracked: false, ct);
        var c = await db.Classes.AsNoTracking().FirstOrDefaultAsync(x => x.Id == classId && x.InstitutionId == institutionId, ct)
            ?? throw new NotFoundException("班级");
        return ToDto(c);
    }

    public async Task<ClassDto> CreateAsync(Guid institutionId, CreateClassRequest request, CancellationToken ct)
    {
        var type = default(ClassType);
        new Validate()
            .Require("name", request.Name, "班级名称", ClassRules.NameMaxLength)
            .Check(ClassTypes.TryParse(request.Type, out type), "type", "班级类型应为 Infant（乳儿班）、Toddler（托小班）、Preschool（托大班）或 Mixed（混合班）")
            .Check(request.Capacity is not null, "capacity", "额定人数不能为空")
            .ThrowIfInvalid();
        var name = request.Name!.Trim();
        var capacity = request.Capacity!.Value;

        // The institution first, then its classes: the version read here guards the list read after it.
        var institution = await LoadInScopeAsync(institutionId, tracked: true, ct);
        var others = await db.Classes.AsNoTracking().Where(c => c.InstitutionId == institutionId)
            .Select(c => new { c.Name, c.Capacity }).ToListAsync(ct);
        Refuse(ClassRules.CheckNameUnique(name, others.Select(o => o.Name)));
        Refuse(ClassRules.CheckSize(type, capacity));
        Refuse(ClassRules.CheckSlots(institution.RegisteredSlots, others.Sum(o => o.Capacity), capacity));

        var cls = new ChildcareClass { Id = Guid.NewGuid(), InstitutionId = institutionId, Name = name, Type = type, Capacity = capacity };
        db.Classes.Add(cls);
        TouchInstitution(institution);
        await db.SaveChangesAsync(ct);
        return ToDto(cls);
    }

    public async Task<ClassDto> UpdateAsync(Guid institutionId, Guid classId, UpdateClassRequest request, CancellationToken ct)
    {
        new Validate()
            .Require("name", request.Name, "班级名称", ClassRules.NameMaxLength)
            .Check(request.Capacity is not null, "capacity", "额定人数不能为空")
            .Check(request.Version is not null, "version", "缺少版本号")
            .ThrowIfInvalid();
        var name = request.Name!.Trim();
        var capacity = request.Capacity!.Value;

        var institution = await LoadInScopeAsync(institutionId, tracked: true, ct);
        var cls = await db.Classes.FirstOrDefaultAsync(c => c.Id == classId && c.InstitutionId == institutionId, ct)
            ?? throw new NotFoundException("班级");
        if (cls.Version != request.Version!.Value)
        {
            throw new DbUpdateConcurrencyException("班级已被他人修改");
        }

        var others = await db.Classes.AsNoTracking().Where(c => c.InstitutionId == institutionId && c.Id != classId)
            .Select(c => new { c.Name, c.Capacity }).ToListAsync(ct);
        Refuse(ClassRules.CheckNameUnique(name, others.Select(o => o.Name)));
        Refuse(ClassRules.CheckSize(cls.Type, capacity));
        Refuse(ClassRules.CheckSlots(institution.RegisteredSlots, others.Sum(o => o.Capacity), capacity));

        cls.Name = name;
        cls.Capacity = capacity;
        // Marked even when nothing changed, so the class's version moves on like any saved edit.
        db.Entry(cls).Property(c => c.Version).IsModified = true;
        TouchInstitution(institution);
        await db.SaveChangesAsync(ct);
        return ToDto(cls);
    }

    public async Task DeleteAsync(Guid institutionId, Guid classId, CancellationToken ct)
    {
        var institution = await LoadInScopeAsync(institutionId, tracked: true, ct);
        var cls = await db.Classes.FirstOrDefaultAsync(c => c.Id == classId && c.InstitutionId == institutionId, ct)
            ?? throw new NotFoundException("班级");
        var today = ChinaTime.Today(clock);
        Refuse(ClassRules.CheckDeletable(await enrollments.ActiveInClassAsync(classId, today, ct)));
        db.Classes.Remove(cls);
        TouchInstitution(institution);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Makes SaveChanges update the institution row with a check of the version it was read at (see the class comment).</summary>
    private void TouchInstitution(Institution institution) =>
        db.Entry(institution).Property(i => i.Version).IsModified = true;

    private static void Refuse(ClassRuleBreach? breach)
    {
        if (breach is not null) { throw new RuleViolationException(breach.Code, breach.Message); }
    }

    private async Task<Institution> LoadInScopeAsync(Guid id, bool tracked, CancellationToken ct) =>
        (await db.LoadInstitutionInScopeAsync(scope, current, id, tracked, ct)).Institution;

    internal static ClassDto ToDto(ChildcareClass c)
    {
        var (from, to) = ClassTypes.AgeRangeMonths(c.Type);
        return new ClassDto(c.Id, c.Name, c.Type.ToString(), ClassTypes.ChineseName(c.Type), c.Capacity, ClassTypes.AgeRangeText(c.Type),
            from, to, ClassTypes.IsUnderTwo(c.Type), c.Version);
    }
}
