using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Registry.Domain;

namespace Tuoyu.Web.Modules.Registry.Lookup;

internal sealed class InstitutionSampling(AppDbContext db) : IInstitutionSampling
{
    public async Task<IReadOnlyList<InstitutionSample>> UnderRegionAsync(string regionCode, IReadOnlyCollection<string> kinds,
        IReadOnlyCollection<string> filingStatuses, CancellationToken ct)
    {
        var prefix = RegionCode.PrefixOf(regionCode);
        var q = db.Institutions.AsNoTracking().Where(i => i.RegionCode.StartsWith(prefix));
        if (kinds.Count > 0)
        {
            var k = kinds.Select(Enum.Parse<InstitutionKind>).ToList();
            q = q.Where(i => k.Contains(i.Kind));
        }

        if (filingStatuses.Count > 0)
        {
            var s = filingStatuses.Select(Enum.Parse<FilingStatus>).ToList();
            q = q.Where(i => s.Contains(i.FilingStatus));
        }

        var rows = await q.Select(i => new { i.Id, i.Name, i.RegionCode, i.Kind, i.FilingStatus }).ToListAsync(ct);
        return [.. rows.Select(r => new InstitutionSample(r.Id, r.Name, r.RegionCode, r.Kind.ToString(), r.FilingStatus.ToString()))];
    }

    public bool IsKind(string code) => !string.IsNullOrEmpty(code) && !char.IsAsciiDigit(code[0]) && Enum.TryParse<InstitutionKind>(code, out var k) && Enum.IsDefined(k);

    public bool IsFilingStatus(string code) => !string.IsNullOrEmpty(code) && !char.IsAsciiDigit(code[0]) && Enum.TryParse<FilingStatus>(code, out var s) && Enum.IsDefined(s);
}
