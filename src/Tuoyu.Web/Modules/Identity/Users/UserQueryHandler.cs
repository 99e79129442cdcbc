using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Identity.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Identity.Users;

/// <summary>Listing, reading and exporting accounts (identity:user:read; pages and API share it).</summary>
internal sealed class UserQueryHandler(AppDbContext db, CurrentUser current, IInstitutionDirectory institutions, TimeProvider clock)
{
    private sealed record UserRow(Guid Id, string UserName, string DisplayName, UserKind Kind, string? RegionCode, Guid? InstitutionId,
        Guid? MedicalInstitutionId, bool IsDisabled, DateTimeOffset? LockoutEnd, bool TwoFactorEnabled, string? ConcurrencyStamp);

    // Never the password hash, security stamp or authenticator key: only what administrators need to see.
    private static readonly Expression<Func<AppUser, UserRow>> Row = u => new UserRow(u.Id, u.UserName!, u.DisplayName, u.Kind, u.RegionCode,
        u.InstitutionId, u.MedicalInstitutionId, u.IsDisabled, u.LockoutEnd, u.TwoFactorEnabled, u.ConcurrencyStamp);

    public async Task<UserPage> ListAsync(string? keyword, string? kind, int page, int pageSize, CancellationToken ct)
    {
        var v = new Validate()
            .Check(page >= 1, "page", "页码须大于等于1")
            .Check(pageSize is >= 1 and <= 200, "pageSize", "每页条数须在1到200之间");
        var q = await FilterAsync(v, keyword, kind, ct);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(u => u.UserName).ThenBy(u => u.Id).Skip((page - 1) * pageSize).Take(pageSize).Select(Row).ToListAsync(ct);
        return new UserPage(await SummariesAsync(rows, ct), total, page, pageSize);
    }

    public async Task<UserSummary> GetAsync(Guid id, CancellationToken ct)
    {
        await current.RequirePermissionAsync(Permissions.UserRead, ct);
        var row = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(Row).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("用户");
        return (await SummariesAsync([row], ct))[0];
    }

    /// <summary>All matching accounts as an Excel workbook (no paging).</summary>
    public async Task<byte[]> ExportAsync(string? keyword, string? kind, CancellationToken ct)
    {
        var q = await FilterAsync(new Validate(), keyword, kind, ct);
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        const int chunk = 1000;
        for (var skip = 0; ; skip += chunk)
        {
            var batch = await q.OrderBy(u => u.UserName).ThenBy(u => u.Id).Skip(skip).Take(chunk).Select(Row).ToListAsync(ct);
            rows.AddRange((await SummariesAsync(batch, ct)).Select(u => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["用户名"] = u.UserName, ["名称"] = u.DisplayName, ["类型"] = u.KindName, ["数据范围"] = u.ScopeName, ["区划代码"] = u.RegionCode,
                ["状态"] = u.IsDisabled ? "已停用" : "正常", ["锁定"] = u.LockedOut ? "已锁定" : "否", ["双因素认证"] = u.TwoFactorEnabled ? "已启用" : "未启用",
            }));
            if (batch.Count < chunk) { break; }
        }

        return await Common.Ui.ExcelExport.ToXlsxAsync(rows, "用户", ct);
    }

    private async Task<IQueryable<AppUser>> FilterAsync(Validate v, string? keyword, string? kind, CancellationToken ct)
    {
        var kindGiven = !string.IsNullOrWhiteSpace(kind);
        var kindOk = UserKinds.TryParse(kind, out var k);
        v.Optional("keyword", keyword, "关键字", 50).Check(!kindGiven || kindOk, "kind", "账号类型无效").ThrowIfInvalid();
        await current.RequirePermissionAsync(Permissions.UserRead, ct);
        var q = db.Users.AsNoTracking();
        if (kindOk) { q = q.Where(u => u.Kind == k); }
        if (!string.IsNullOrWhiteSpace(keyword))
        {
            var word = keyword.Trim();
            var upper = word.ToUpperInvariant();
            q = q.Where(u => u.NormalizedUserName!.Contains(upper) || u.DisplayName.Contains(word));
        }

        return q;
    }

    private async Task<List<UserSummary>> SummariesAsync(List<UserRow> rows, CancellationToken ct)
    {
        var codes = rows.Select(r => r.RegionCode).OfType<string>().Distinct().ToList();
        var regions = codes.Count == 0 ? []
            : await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var inst = await institutions.InstitutionNamesAsync([.. rows.Select(r => r.InstitutionId).OfType<Guid>().Distinct()], ct);
        var med = await institutions.MedicalInstitutionNamesAsync([.. rows.Select(r => r.MedicalInstitutionId).OfType<Guid>().Distinct()], ct);
        var now = clock.GetUtcNow();
        return [.. rows.Select(r => new UserSummary(r.Id, r.UserName, r.DisplayName, r.Kind.ToString(), UserKinds.Name(r.Kind),
            r.RegionCode, r.InstitutionId, r.MedicalInstitutionId,
            UserKinds.ScopeOf(r.Kind) switch
            {
                ScopeField.Region => r.RegionCode is { } c ? regions.GetValueOrDefault(c, c) : null,
                ScopeField.Institution => r.InstitutionId is { } i ? inst.GetValueOrDefault(i) : null,
                ScopeField.MedicalInstitution => r.MedicalInstitutionId is { } m ? med.GetValueOrDefault(m) : null,
                _ => null,
            },
            r.IsDisabled, r.LockoutEnd is { } end && end > now, r.TwoFactorEnabled, r.ConcurrencyStamp ?? string.Empty))];
    }
}
