using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Modules.Supervision.Domain;

namespace Tuoyu.Web.Modules.Supervision.Inspectors;

public sealed record CreateInspectorRequest(string? Code, string? Name, string? Agency, string? HomeStreetCode);

public sealed record InspectorView(Guid Id, string Code, string Name, string Agency, string AgencyName, string HomeStreetCode, string RegionCode, bool Active);

/// <summary>执法检查人员名录库: a regulator keeps the inspectors of its region (ADR 0030).</summary>
internal sealed class InspectorHandler(AppDbContext db, SupervisionScope scope)
{
    public async Task<InspectorView> CreateAsync(CreateInspectorRequest r, CancellationToken ct)
    {
        var user = await scope.RegulatorAsync(ct);
        var v = new Validate().Require("code", r.Code, "检查人员编号", 40).Require("name", r.Name, "姓名", 50)
            .Check(InspectorAgencies.TryParse(r.Agency, out var agency), "agency", "所属部门应为 Health、Education、MarketRegulation、FireRescue、CivilAffairs 或 Housing");
        if (!RegionCode.IsValid(r.HomeStreetCode) || RegionCode.LevelOf(r.HomeStreetCode!) != RegionLevel.Street
            || !await db.Regions.AnyAsync(x => x.Code == r.HomeStreetCode, ct))
        {
            v.Add("homeStreetCode", "居住街道应为有效的街道（乡镇）级12位区划代码");
        }

        v.ThrowIfInvalid();
        var code = r.Code!.Trim();
        if (await db.Inspectors.AnyAsync(i => i.Code == code, ct)) { throw new RuleViolationException("supervision.inspector_code_taken", "该检查人员编号已存在"); }
        var row = new Inspector { Id = Guid.NewGuid(), Code = code, Name = r.Name!.Trim(), Agency = agency, HomeStreetCode = r.HomeStreetCode!, RegionCode = user.RegionCode! };
        db.Inspectors.Add(row);
        await db.SaveChangesAsync(ct);
        return ToView(row);
    }

    /// <summary>Inspectors kept by the caller's region or a region above it (a city's pool serves its districts).</summary>
    public async Task<IReadOnlyList<InspectorView>> ListAsync(CancellationToken ct)
    {
        var user = await scope.RegulatorAsync(ct);
        var rows = await scope.VisibleInspectors(user).OrderBy(i => i.Code).ToListAsync(ct);
        return [.. rows.Select(ToView)];
    }

    internal static InspectorView ToView(Inspector i) =>
        new(i.Id, i.Code, i.Name, i.Agency.ToString(), InspectorAgencies.ChineseName(i.Agency), i.HomeStreetCode, i.RegionCode, i.Active);
}
