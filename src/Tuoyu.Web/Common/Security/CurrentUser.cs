using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Modules.Identity.Contracts;

namespace Tuoyu.Web.Common.Security;

/// <summary>The caller's identity and data scope, as stored now.</summary>
public sealed record UserContext(Guid Id, string UserName, string DisplayName, UserKind Kind, string? RegionCode, Guid? InstitutionId, Guid? MedicalInstitutionId)
{
    public bool Has(string permission) => Permissions.Has(Kind, permission);

    /// <summary>A regulator whose region is <paramref name="regionCode"/> or above it (regulators see their region and below).</summary>
    public bool CoversRegion(string regionCode) =>
        Kind == UserKind.Regulator && RegionCode is { } own && Regions.RegionCode.IsValid(regionCode) && Regions.RegionCode.IsWithin(regionCode, own);
}

/// <summary>
/// Loads the caller's account once per request. A disabled or locked account, or one whose security
/// stamp changed (password reset, scope change, sign-out everywhere), counts as signed out at once.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http, AppDbContext db, TimeProvider clock, IServiceProvider services)
{
    private bool _loaded;
    private UserContext? _user;

    public async Task<UserContext?> GetAsync(CancellationToken ct = default)
    {
        if (_loaded) { return _user; }
        var principal = http.HttpContext?.User;
        if (principal is null)
        {
            // Interactive (circuit) rendering has no HttpContext: read the circuit's authentication state, uncached.
            var state = services.GetService<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>();
            principal = state is null ? null : (await state.GetAuthenticationStateAsync()).User;
        }
        else
        {
            _loaded = true;
        }

        if (principal?.Identity?.IsAuthenticated != true) { return null; }
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)) { return null; }
        var stamp = principal.FindFirstValue("AspNet.Identity.SecurityStamp");
        var u = await db.Users.AsNoTracking()
            .Where(x => x.Id == id)
            .Select(x => new { x.Id, x.UserName, x.DisplayName, x.Kind, x.RegionCode, x.InstitutionId, x.MedicalInstitutionId, x.IsDisabled, x.LockoutEnd, x.SecurityStamp })
            .FirstOrDefaultAsync(ct);
        if (u is null || u.IsDisabled || (u.LockoutEnd is { } end && end > clock.GetUtcNow())) { return null; }
        if (stamp is not null && stamp != u.SecurityStamp) { return null; }
        _user = new UserContext(u.Id, u.UserName!, u.DisplayName, u.Kind, u.RegionCode, u.InstitutionId, u.MedicalInstitutionId);
        return _user;
    }

    /// <summary>For endpoints behind a permission: the user is known to exist.</summary>
    public async Task<UserContext> RequireAsync(CancellationToken ct = default) =>
        await GetAsync(ct) ?? throw new Errors.ForbiddenException("账号不可用");
}
