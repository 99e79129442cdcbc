using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Modules.Regions.Contracts;

namespace Tuoyu.Web.Modules.Regions.Browse;

/// <summary>Administrative divisions are public reference data.</summary>
internal sealed class RegionHandler(AppDbContext db) : IRegionDirectory
{
    public async Task<RegionView> GetAsync(string code, CancellationToken ct)
    {
        Check(code);
        var r = await db.Regions.AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct) ?? throw new NotFoundException("行政区划");
        return ToView(r);
    }

    public async Task<IReadOnlyList<RegionView>> ChildrenAsync(string code, CancellationToken ct)
    {
        Check(code);
        if (!await db.Regions.AnyAsync(x => x.Code == code, ct)) { throw new NotFoundException("行政区划"); }
        var rows = await db.Regions.AsNoTracking().Where(x => x.ParentCode == code).OrderBy(x => x.Code).ToListAsync(ct);
        return [.. rows.Select(ToView)];
    }

    public async Task<IReadOnlyList<RegionView>> ProvincesAsync(CancellationToken ct)
    {
        var rows = await db.Regions.AsNoTracking().Where(x => x.ParentCode == null).OrderBy(x => x.Code).ToListAsync(ct);
        return [.. rows.Select(ToView)];
    }

    private static void Check(string code)
    {
        if (!RegionCode.IsValid(code)) { throw ValidationFailedException.For("code", "区划代码应为12位数字"); }
    }

    private static RegionView ToView(Region r) => new(r.Code, r.Name, (int)r.Level, LevelName(r.Level), r.ParentCode, r.ValidFrom, r.ValidTo);

    public static string LevelName(RegionLevel level) => level switch
    {
        RegionLevel.Province => "省级",
        RegionLevel.City => "地市级",
        RegionLevel.County => "区县级",
        _ => "乡镇街道",
    };
}
