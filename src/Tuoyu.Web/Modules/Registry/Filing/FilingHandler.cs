using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Registry.Scope;

namespace Tuoyu.Web.Modules.Registry.Filing;

/// <summary>
/// The filing (备案) workflow of one institution (issue #3 item 3): scope first (403 outside it),
/// then <see cref="FilingRules"/> (403 wrong actor, 400 reason, 409 status), for a submission the required documents
/// (409 <see cref="FilingDocumentRules.DocumentsMissing"/> with the missing kinds, ADR 0019), then the status change and its
/// <see cref="FilingEvent"/> in one SaveChanges guarded by the institution's version (409 concurrency.conflict).
/// Approval sets <see cref="Institution.FiledOn"/> to today's date in China Standard Time (UTC+8, the Asia/Shanghai
/// date: China keeps no daylight saving time); revocation clears it (the history keeps the filing date).
/// </summary>
internal sealed class FilingHandler(AppDbContext db, IInstitutionScope scope, CurrentUser current, TimeProvider clock)
{
    public async Task<FilingStateDto> GetAsync(Guid institutionId, CancellationToken ct)
    {
        var (_, institution) = await LoadInScopeAsync(institutionId, tracked: false, ct);
        return await StateAsync(institution, ct);
    }

    public async Task<FilingStateDto> StepAsync(Guid institutionId, FilingAction action, FilingStepRequest request, CancellationToken ct)
    {
        new Validate()
            .Optional("reason", request.Reason, "理由", FilingEvent.ReasonMaxLength)
            .Check(request.Version is not null, "version", "缺少版本号")
            .ThrowIfInvalid();

        var (user, institution) = await LoadInScopeAsync(institutionId, tracked: true, ct);
        var actor = new FilingActor(user.Kind switch
        {
            UserKind.InstitutionAdmin => FilingActorRole.InstitutionAdmin,
            UserKind.Regulator => FilingActorRole.Regulator,
            _ => FilingActorRole.Other,
        }, user.InstitutionId, user.RegionCode);
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        var from = institution.FilingStatus;
        var (to, refusal) = FilingRules.Decide(action, from, institution.Id, institution.RegionCode, actor, reason);
        switch (refusal?.Kind)
        {
            case FilingRefusalKind.WrongActor: throw new ForbiddenException(refusal.Message);
            case FilingRefusalKind.ReasonInvalid: throw ValidationFailedException.For("reason", refusal.Message);
            case FilingRefusalKind.InvalidTransition: throw new RuleViolationException(FilingRules.InvalidTransition, refusal.Message);
        }

        if (action == FilingAction.Submit)
        {
            // Read in the same unit of work as the version check below: a document change bumps the version too (ADR 0019).
            var present = await db.FilingDocuments.AsNoTracking().Where(d => d.InstitutionId == institution.Id && d.SupersededAt == null)
                .Select(d => d.Kind).ToListAsync(ct);
            var missing = FilingDocumentRules.Missing(institution.Services, present);
            if (missing.Count > 0)
            {
                throw new RuleViolationException(FilingDocumentRules.DocumentsMissing, FilingDocumentRules.MissingMessage(missing),
                    new Dictionary<string, object?> { ["missing"] = missing.Select(k => k.ToString()).ToArray() });
            }
        }

        var now = clock.GetUtcNow();
        db.Entry(institution).Property(i => i.Version).OriginalValue = request.Version!.Value;
        institution.FilingStatus = to!.Value;
        if (action == FilingAction.Approve) { institution.FiledOn = ChinaTime.DateOf(now); }
        if (action == FilingAction.Revoke) { institution.FiledOn = null; }
        db.FilingEvents.Add(new FilingEvent
        {
            Id = Guid.NewGuid(), InstitutionId = institution.Id, Action = action, FromStatus = from, ToStatus = to.Value,
            ActorUserId = user.Id, ActorUserName = user.UserName, Reason = reason, At = now.UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return await StateAsync(institution, ct);
    }

    private async Task<FilingStateDto> StateAsync(Institution i, CancellationToken ct)
    {
        var rows = await db.FilingEvents.AsNoTracking().Where(e => e.InstitutionId == i.Id)
            .OrderByDescending(e => e.At).ToListAsync(ct);
        var history = rows.Select(e => new FilingEventDto(e.Id, e.Action.ToString(), FilingRules.ActionName(e.Action),
            e.FromStatus.ToString(), e.ToStatus.ToString(), e.ActorUserId, e.ActorUserName, e.Reason,
            DateTime.SpecifyKind(e.At, DateTimeKind.Utc))).ToList();
        return new FilingStateDto(i.Id, i.FilingStatus.ToString(), FilingRules.StatusName(i.FilingStatus), i.FiledOn, i.Version, history);
    }

    private Task<(UserContext User, Institution Institution)> LoadInScopeAsync(Guid id, bool tracked, CancellationToken ct) =>
        db.LoadInstitutionInScopeAsync(scope, current, id, tracked, ct);
}
