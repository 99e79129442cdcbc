using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Institutions;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Registry.Scope;

namespace Tuoyu.Web.Modules.Registry.Designations;

/// <summary>
/// Designations (普惠 / 公办 / 等级 / 示范) of one institution (issue #3 item 4; ADR 0018): scope first (403 outside it),
/// then <see cref="DesignationRules"/> (403 wrong level or region, 400 fields, 409 state), then the designation row and
/// the institution's current state (IsInclusive, Ownership, Grade) in one SaveChanges guarded by the institution's
/// version (409 concurrency.conflict), as for classes and filing (ADR 0014, 0015).
/// </summary>
internal sealed class DesignationHandler(AppDbContext db, IInstitutionScope scope, CurrentUser current, TimeProvider clock)
{
    public async Task<DesignationsDto> GetAsync(Guid institutionId, CancellationToken ct)
    {
        var (_, institution) = await LoadInScopeAsync(institutionId, tracked: false, ct);
        return await StateAsync(institution, ct);
    }

    public async Task<DesignationsDto> GrantAsync(Guid institutionId, GrantDesignationRequest request, CancellationToken ct)
    {
        var kind = default(DesignationKind);
        new Validate()
            .Check(DesignationRules.TryParseKind(request.Kind, out kind), "kind", "类别应为 Inclusive（普惠）、Public（公办）、Grade（等级）或 Demonstration（示范性）")
            .Require("basis", request.Basis, "认定依据", Designation.BasisMaxLength)
            .Optional("level", request.Level, "级别", 20)
            .Check(request.GrantedOn is not null, "grantedOn", "认定日期不能为空")
            .Check(request.Version is not null, "version", "缺少版本号")
            .ThrowIfInvalid();

        var (user, institution) = await LoadInScopeAsync(institutionId, tracked: true, ct);
        var today = BeijingToday();
        var existing = await db.Designations.Where(d => d.InstitutionId == institutionId).ToListAsync(ct);
        var grant = new DesignationGrant(kind, DesignationRules.NormalizeLevel(kind, request.Level), request.GrantedOn!.Value, request.ValidUntil);
        Refuse(DesignationRules.CheckGrant(grant, RegulatorRegion(user), institution.RegionCode, institution.FilingStatus, existing, today));

        var now = clock.GetUtcNow().UtcDateTime;
        db.Entry(institution).Property(i => i.Version).OriginalValue = request.Version!.Value;
        db.Entry(institution).Property(i => i.Version).IsModified = true;
        foreach (var old in DesignationRules.Replaced(kind, existing, today))
        {
            old.WithdrawnOn = old.GrantedOn > grant.GrantedOn ? old.GrantedOn : grant.GrantedOn;
            old.WithdrawnByUserId = user.Id;
            old.WithdrawnByUserName = user.UserName;
            old.WithdrawReason = $"由新评定的{grant.Level}替代";
        }

        switch (kind)
        {
            case DesignationKind.Inclusive: institution.IsInclusive = true; break;
            case DesignationKind.Public: institution.Ownership = Ownership.Public; break;
            case DesignationKind.Grade: institution.Grade = grant.Level; break;
        }

        await RepriceFeesAsync(institution, ct);
        db.Designations.Add(new Designation
        {
            Id = Guid.NewGuid(), InstitutionId = institutionId, Kind = kind, Level = grant.Level, Basis = request.Basis!.Trim(),
            GrantedOn = grant.GrantedOn, ValidUntil = grant.ValidUntil, GrantedByUserId = user.Id, GrantedByUserName = user.UserName,
            GrantedByRegionCode = user.RegionCode!, RecordedAt = now,
        });
        await db.SaveChangesAsync(ct);
        return await StateAsync(institution, ct);
    }

    public async Task<DesignationsDto> WithdrawAsync(Guid institutionId, Guid designationId, WithdrawDesignationRequest request, CancellationToken ct)
    {
        new Validate()
            .Check(request.WithdrawnOn is not null, "withdrawnOn", "撤销日期不能为空")
            .Check(request.Version is not null, "version", "缺少版本号")
            .ThrowIfInvalid();

        var (user, institution) = await LoadInScopeAsync(institutionId, tracked: true, ct);
        var d = await db.Designations.FirstOrDefaultAsync(x => x.Id == designationId && x.InstitutionId == institutionId, ct)
            ?? throw new NotFoundException("认定记录");
        Refuse(DesignationRules.CheckWithdraw(d, request.Reason, request.WithdrawnOn!.Value, RegulatorRegion(user), institution.RegionCode, BeijingToday()));

        db.Entry(institution).Property(i => i.Version).OriginalValue = request.Version!.Value;
        db.Entry(institution).Property(i => i.Version).IsModified = true;
        d.WithdrawnOn = request.WithdrawnOn.Value;
        d.WithdrawnByUserId = user.Id;
        d.WithdrawnByUserName = user.UserName;
        d.WithdrawReason = request.Reason!.Trim();
        switch (d.Kind)
        {
            case DesignationKind.Inclusive: institution.IsInclusive = false; break;
            case DesignationKind.Public: institution.Ownership = Ownership.Private; break;
            case DesignationKind.Grade when institution.Grade == d.Level: institution.Grade = null; break;
        }

        await RepriceFeesAsync(institution, ct);
        await db.SaveChangesAsync(ct);
        return await StateAsync(institution, ct);
    }

    /// <summary>
    /// A fee's pricing follows the designations (<see cref="FeeRules.PricingOf"/>): when 公办 or 普惠 changes, the stored
    /// fees change with it, in the same save (the amounts stay; a 普惠 institution's fee page flags any outside the range).
    /// </summary>
    private async Task RepriceFeesAsync(Institution institution, CancellationToken ct)
    {
        var pricing = FeeRules.PricingOf(institution.Ownership, institution.IsInclusive);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var fee in await db.Fees.Where(f => f.InstitutionId == institution.Id && f.Pricing != pricing).ToListAsync(ct))
        {
            fee.Pricing = pricing;
            fee.UpdatedAt = now;
        }
    }

    /// <summary>What the signed-in user may grant on this institution and which of its rows it may withdraw (the page's forms).</summary>
    public async Task<DesignationOptions> OptionsAsync(Guid institutionId, DesignationsDto state, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var region = user.Has(Permissions.DesignationManage) ? RegulatorRegion(user) : null;
        if (region is null) { return new([], [], []); }
        var at = await db.Institutions.AsNoTracking().Where(i => i.Id == institutionId).Select(i => i.RegionCode).SingleAsync(ct);
        var levels = DesignationRules.DemonstrationLevels.Where(l => DesignationRules.MayManage(DesignationKind.Demonstration, l, region, at)).ToList();
        var kinds = Enum.GetValues<DesignationKind>()
            .Where(k => k == DesignationKind.Demonstration ? levels.Count > 0 : DesignationRules.MayManage(k, null, region, at)).ToList();
        var withdrawable = state.History
            .Where(d => d.WithdrawnOn is null && DesignationRules.TryParseKind(d.Kind, out var k) && DesignationRules.MayManage(k, d.Level, region, at))
            .Select(d => d.Id).ToList();
        return new(kinds, levels, withdrawable);
    }

    /// <summary>The Beijing date (UTC+8, no daylight saving): the date a regulator's decision carries.</summary>
    public DateOnly BeijingToday() => ChinaTime.Today(clock);

    private static string? RegulatorRegion(UserContext user) => user.Kind == UserKind.Regulator ? user.RegionCode : null;

    private static void Refuse(DesignationRefusal? refusal)
    {
        switch (refusal?.Kind)
        {
            case DesignationRefusalKind.WrongActor: throw new ForbiddenException(refusal.Message);
            case DesignationRefusalKind.Invalid: throw ValidationFailedException.For(refusal.Field!, refusal.Message);
            case DesignationRefusalKind.Rule: throw new RuleViolationException(refusal.Code!, refusal.Message);
        }
    }

    private async Task<DesignationsDto> StateAsync(Institution i, CancellationToken ct)
    {
        var today = BeijingToday();
        var rows = await db.Designations.AsNoTracking().Where(d => d.InstitutionId == i.Id).ToListAsync(ct);
        var history = rows.OrderByDescending(d => d.GrantedOn).ThenByDescending(d => d.RecordedAt)
            .Select(d => new DesignationDto(d.Id, d.Kind.ToString(), DesignationRules.KindName(d.Kind), d.Level, d.Basis, d.GrantedOn, d.ValidUntil,
                DesignationRules.IsActive(d, today), d.GrantedByUserName, d.GrantedByRegionCode, d.WithdrawnOn, d.WithdrawnByUserName, d.WithdrawReason,
                DateTime.SpecifyKind(d.RecordedAt, DateTimeKind.Utc)))
            .ToList();
        return new DesignationsDto(i.Id, i.IsInclusive, RegistryNames.Ownership(i.Ownership), i.Grade, i.FilingStatus.ToString(), i.Version, history);
    }

    private Task<(UserContext User, Institution Institution)> LoadInScopeAsync(Guid id, bool tracked, CancellationToken ct) =>
        db.LoadInstitutionInScopeAsync(scope, current, id, tracked, ct);
}
