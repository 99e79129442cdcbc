using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Auditing;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Enrollment.Contracts;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Identity.Contracts;

namespace Tuoyu.Web.Modules.Enrollment.Children;

/// <summary>
/// A child's record within scope. A child outside the caller's scope is 404: even its existence is
/// private (architecture rule 4). Every read of sensitive fields is audited (ASVS 16.3 ★).
/// </summary>
internal sealed class ChildHandler(AppDbContext db, IChildScope scope, CurrentUser current, AuditLog audit, SensitiveDataProtector protector)
{
    public async Task<ChildDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var child = await LoadInScopeAsync(user, id, tracked: false, ct);
        var seesHealth = SeesHealthData(user.Kind);
        await audit.RecordAsync("read", nameof(Child), id.ToString(), "success",
            seesHealth ? "{\"fields\":[\"IdNumberMasked\",\"Allergies\",\"HealthNotes\",\"Guardians\"]}" : "{\"fields\":[\"IdNumberMasked\",\"Guardians\"]}", ct: ct);
        var guardians = await db.Guardians.AsNoTracking().Where(g => g.ChildId == id).OrderBy(g => g.Relation)
            .Select(g => new { g.Name, g.Relation, g.Phone }).ToListAsync(ct);
        return new ChildDetail(child.Id, child.Name, child.IdNumberMasked, child.BirthDate, child.Sex == Sex.Male ? "男" : "女",
            child.HukouLocal, child.BirthOrder, seesHealth ? child.Allergies : null, seesHealth ? child.HealthNotes : null,
            [.. guardians.Select(g => new GuardianView(g.Name, g.Relation, AuditMasking.Phone(g.Phone)))], child.Version);
    }

    public async Task<ChildDetail> UpdateHealthAsync(Guid id, UpdateHealthRequest request, CancellationToken ct)
    {
        new Validate()
            .Optional("allergies", request.Allergies, "过敏信息", 500)
            .Optional("healthNotes", request.HealthNotes, "健康备注", 1000)
            .Check(request.Version is not null, "version", "缺少版本号")
            .ThrowIfInvalid();
        var user = await current.RequireAsync(ct);
        var child = await LoadInScopeAsync(user, id, tracked: true, ct);
        db.Entry(child).Property(c => c.Version).OriginalValue = request.Version!.Value;
        child.Allergies = string.IsNullOrWhiteSpace(request.Allergies) ? null : request.Allergies.Trim();
        child.HealthNotes = string.IsNullOrWhiteSpace(request.HealthNotes) ? null : request.HealthNotes.Trim();
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>The full ID number, only through this audited action with a stated reason (security.md 14.2.6 ★).</summary>
    public async Task<RevealIdNumberResponse> RevealIdNumberAsync(Guid id, RevealIdNumberRequest request, CancellationToken ct)
    {
        new Validate().Require("reason", request.Reason, "查看原因", 200).ThrowIfInvalid();
        var user = await current.RequireAsync(ct);
        var child = await LoadInScopeAsync(user, id, tracked: false, ct);
        await audit.RecordAsync("reveal_id_number", nameof(Child), id.ToString(), "success",
            System.Text.Json.JsonSerializer.Serialize(new { reason = request.Reason!.Trim() }, AuditJson.Options), ct: ct);
        return new RevealIdNumberResponse(protector.Decrypt(child.IdNumberCipher));
    }

    private async Task<Child> LoadInScopeAsync(UserContext user, Guid id, bool tracked, CancellationToken ct)
    {
        var ids = scope.IdsInScope(user);
        var q = tracked ? db.Children : db.Children.AsNoTracking();
        var child = await q.Where(c => c.Id == id && ids.Contains(c.Id)).FirstOrDefaultAsync(ct);
        if (child is null)
        {
            await audit.RecordAsync("read", nameof(Child), id.ToString(), "denied", ct: ct);
            throw new NotFoundException("儿童");
        }

        return child;
    }

    /// <summary>ASVS 8.2.3: health data only for those who care for the child or its health.</summary>
    private static bool SeesHealthData(UserKind kind) =>
        kind is UserKind.Parent or UserKind.InstitutionAdmin or UserKind.InstitutionStaff or UserKind.Medical;
}
