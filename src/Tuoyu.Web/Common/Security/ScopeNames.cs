using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Modules.Identity.Contracts;

namespace Tuoyu.Web.Common.Security;

/// <summary>A readable name for a caller's scope: 长沙市芙蓉区, an institution's name, 本人子女.</summary>
public sealed class ScopeNames(AppDbContext db)
{
    public async Task<string> DescribeAsync(UserContext user, CancellationToken ct)
    {
        switch (user.Kind)
        {
            case UserKind.Regulator when user.RegionCode is { } code:
                var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct);
                if (region is null) { return code; }
                var parent = region.ParentCode is null ? null : await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == region.ParentCode, ct);
                return parent is null || region.Level <= Regions.RegionLevel.City ? region.Name : parent.Name + region.Name;
            case UserKind.InstitutionAdmin or UserKind.InstitutionStaff when user.InstitutionId is { } id:
                return await db.Institutions.AsNoTracking().Where(i => i.Id == id).Select(i => i.Name).FirstOrDefaultAsync(ct) ?? "本机构";
            case UserKind.Medical when user.MedicalInstitutionId is { } med:
                return await db.MedicalInstitutions.AsNoTracking().Where(m => m.Id == med).Select(m => m.Name).FirstOrDefaultAsync(ct) ?? "签约机构";
            case UserKind.Parent:
                return "本人子女";
            default:
                return "系统";
        }
    }
}
