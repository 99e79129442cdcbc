using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Subsidies.Domain;

namespace Tuoyu.Web.Modules.Subsidies.Batches;

/// <summary>Who may see and run a batch: regulators whose region covers the batch's region; running one needs county level or above.</summary>
internal static class BatchAccess
{
    public static bool Covers(UserContext user, string regionCode) => user.CoversRegion(regionCode);

    /// <summary>A county-level or higher regulator (区县级及以上).</summary>
    public static void RequireCountyOrAbove(UserContext user)
    {
        if (user.Kind != UserKind.Regulator || user.RegionCode is not { } own || RegionCode.LevelOf(own) > RegionLevel.County)
        {
            throw new ForbiddenException("只有区县级及以上卫生健康部门可以办理补助批次");
        }
    }

    /// <summary>The batch if the caller's region covers it; 404 otherwise (a batch outside one's region is not disclosed).</summary>
    public static async Task<SubsidyBatch> LoadAsync(AppDbContext db, UserContext user, Guid id, bool tracked, CancellationToken ct)
    {
        var q = tracked ? db.SubsidyBatches : db.SubsidyBatches.AsNoTracking();
        var batch = await q.FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null || !Covers(user, batch.RegionCode)) { throw new NotFoundException("补助批次"); }
        return batch;
    }
}
