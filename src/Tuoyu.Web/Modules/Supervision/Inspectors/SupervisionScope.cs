using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Supervision.Domain;

namespace Tuoyu.Web.Modules.Supervision.Inspectors;

/// <summary>A regulator acts on plans of its region and below, and uses inspectors kept at its region, below or above it.</summary>
internal sealed class SupervisionScope(AppDbContext db, CurrentUser current)
{
    public async Task<UserContext> RegulatorAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        if (user.Kind != UserKind.Regulator || user.RegionCode is null) { throw new ForbiddenException("仅限主管部门"); }
        return user;
    }

    public static bool Covers(UserContext user, string regionCode) => user.CoversRegion(regionCode);

    public IQueryable<Inspector> VisibleInspectors(UserContext user)
    {
        var prefix = RegionCode.PrefixOf(user.RegionCode!);
        var ancestors = Ancestors(user.RegionCode!);
        return db.Inspectors.Where(i => i.RegionCode.StartsWith(prefix) || ancestors.Contains(i.RegionCode));
    }

    /// <summary>The province, city and county codes above a region (12 digits each).</summary>
    private static List<string> Ancestors(string code) =>
        [code[..2] + new string('0', 10), code[..4] + new string('0', 8), code[..6] + new string('0', 6)];
}
