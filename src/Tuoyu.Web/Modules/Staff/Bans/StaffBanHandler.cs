using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Auditing;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Rules;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Staff.Domain;

namespace Tuoyu.Web.Modules.Staff.Bans;

/// <summary>
/// 终身禁入名单 (Zhuzhou 三(四)3: anyone who abused a child is banned for life). Regulators record and read it; the
/// register applies city-wide whoever recorded it, matched on the keyed hash of the resident ID (ADR 0030).
/// </summary>
internal sealed class StaffBanHandler(AppDbContext db, CurrentUser current, SensitiveDataProtector protector, TimeProvider clock)
{
    public async Task<StaffBanView> CreateAsync(CreateStaffBanRequest r, CancellationToken ct)
    {
        var user = await RegulatorAsync(ct);
        var today = ChinaTime.Today(clock);
        var v = new Validate().Require("name", r.Name, "姓名", 50).Require("decisionReference", r.DecisionReference, "处理决定文号", 100)
            .Require("reason", r.Reason, "禁入事由", 500).Check(r.BannedOn is not null, "bannedOn", "请填写决定日期")
            .Check(r.BannedOn is null || r.BannedOn <= today, "bannedOn", "决定日期不能晚于今天");
        if (!ResidentIdNumber.TryValidate(r.IdNumber, out var idNumber, out _, out var idError)) { v.Add("idNumber", idError!); }
        v.ThrowIfInvalid();
        var hash = protector.Hash(idNumber);
        if (await db.StaffBans.AnyAsync(b => b.IdNumberHash == hash, ct)) { throw Exists(); }
        var ban = new StaffBan
        {
            Id = Guid.NewGuid(), Name = r.Name!.Trim(), IdNumberHash = hash, IdNumberMasked = AuditMasking.IdNumber(idNumber),
            DecisionReference = r.DecisionReference!.Trim(), Reason = r.Reason!.Trim(), BannedOn = r.BannedOn!.Value, RegionCode = user.RegionCode!,
            RecordedByUserId = user.Id,
        };
        db.StaffBans.Add(ban);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            if (await db.StaffBans.AnyAsync(b => b.IdNumberHash == hash, ct)) { throw Exists(); }
            throw;
        }

        return (await ViewsAsync([ban], today, ct))[0];
    }

    public async Task<StaffBanPage> ListAsync(string? q, int page, int pageSize, CancellationToken ct)
    {
        await RegulatorAsync(ct);
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var bans = db.StaffBans.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q)) { var name = q.Trim(); bans = bans.Where(b => b.Name.Contains(name) || b.DecisionReference.Contains(name)); }
        var total = await bans.CountAsync(ct);
        var rows = await bans.OrderByDescending(b => b.BannedOn).ThenBy(b => b.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new StaffBanPage(await ViewsAsync(rows, ChinaTime.Today(clock), ct), total, page, pageSize);
    }

    private async Task<IReadOnlyList<StaffBanView>> ViewsAsync(IReadOnlyList<StaffBan> bans, DateOnly today, CancellationToken ct)
    {
        var hashes = bans.Select(b => b.IdNumberHash).ToList();
        var posts = await db.StaffPersons.AsNoTracking().Where(p => hashes.Contains(p.IdNumberHash))
            .Join(db.Staff.AsNoTracking().Where(m => m.HiredOn <= today && (m.LeftOn == null || m.LeftOn >= today)), p => p.Id, m => m.PersonId, (p, m) => p.IdNumberHash)
            .ToListAsync(ct);
        return [.. bans.Select(b => new StaffBanView(b.Id, b.Name, b.IdNumberMasked, b.DecisionReference, b.Reason, b.BannedOn, b.RegionCode,
            posts.Count(h => h == b.IdNumberHash)))];
    }

    private async Task<UserContext> RegulatorAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        if (user.Kind != UserKind.Regulator || user.RegionCode is null) { throw new ForbiddenException("终身禁入名单仅限主管部门查看"); }
        return user;
    }

    private static RuleViolationException Exists() => new("staff.ban_exists", "该人员已在终身禁入名单中");
}
