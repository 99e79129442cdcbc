using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Registry.Fees;

/// <summary>
/// Fees as the public sees them (domain.md: the public sees "grades, fees, vacancies"), for the public directory to call.
/// No data scope: the caller decides which institutions are public (the directory shows filed ones only).
/// </summary>
internal sealed class PublicFeeQuery(AppDbContext db)
{
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<PublicFeeDto>>> ForInstitutionsAsync(IReadOnlyCollection<Guid> institutionIds, CancellationToken ct)
    {
        var ids = institutionIds.Distinct().ToList();
        var rows = await db.Fees.AsNoTracking().Where(f => ids.Contains(f.InstitutionId)).ToListAsync(ct);
        return rows.GroupBy(f => f.InstitutionId).ToDictionary(g => g.Key, g => (IReadOnlyList<PublicFeeDto>)
            [.. g.OrderBy(f => f.ClassType).ThenBy(f => f.Service).Select(f => new PublicFeeDto(f.ClassType.ToString(), ClassTypes.ChineseName(f.ClassType),
                f.Service.ToString(), CareServiceSet.ChineseName(f.Service), f.MonthlyFeeFen, FeeRules.PricingName(f.Pricing), f.EffectiveFrom))]);
    }

    public async Task<IReadOnlyList<PublicFeeDto>> ForInstitutionAsync(Guid institutionId, CancellationToken ct) =>
        (await ForInstitutionsAsync([institutionId], ct)).GetValueOrDefault(institutionId) ?? [];
}
