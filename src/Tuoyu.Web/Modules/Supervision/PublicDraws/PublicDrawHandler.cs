using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Modules.Supervision.Domain;
using Tuoyu.Web.Modules.Supervision.Plans;

namespace Tuoyu.Web.Modules.Supervision.PublicDraws;

public sealed record PublicInspector(string Code, string Agency, string AgencyName);

public sealed record PublicAssignment(Guid InstitutionId, string InstitutionName, IReadOnlyList<PublicInspector> Inspectors);

/// <summary>
/// A draw as the public sees it (一公开): the seed, the algorithm, the complete inputs (institution ids and names, inspector
/// codes and agencies, recusals) and the result. No inspector names or home streets, no personal data.
/// </summary>
public sealed record PublicDrawView(Guid DrawId, Guid PlanId, string PlanName, string RegionCode, DateTimeOffset DrawnAt, string Algorithm,
    string PublicSeed, string SeedHex, DrawInputs Inputs, IReadOnlyList<PublicAssignment> Result);

public sealed record PublicDrawSummary(Guid DrawId, string PlanName, string RegionCode, DateTimeOffset DrawnAt, int Institutions, int Drawn);

/// <param name="Matches">The recomputed result equals the published one, team by team.</param>
public sealed record DrawVerification(bool Matches, string SeedHex, int Assignments, int Differences, IReadOnlyList<DrawAssignment> Recomputed);

internal sealed class PublicDrawHandler(AppDbContext db)
{
    public async Task<PublicDrawView> GetAsync(Guid drawId, CancellationToken ct)
    {
        var (draw, plan) = await LoadAsync(drawId, ct);
        var inputs = DrawJson.Inputs(draw.InputsJson);
        var result = DrawJson.Result(draw.ResultJson);
        var names = inputs.Institutions.ToDictionary(i => i.Id, i => i.Name);
        var agencies = inputs.Inspectors.ToDictionary(i => i.Code, i => i.Agency);
        return new PublicDrawView(draw.Id, plan.Id, plan.Name, plan.RegionCode, Utc(draw.DrawnAt), draw.Algorithm, inputs.PublicSeed, draw.SeedHex, inputs,
            [.. result.Assignments.Select(a => new PublicAssignment(a.InstitutionId, names[a.InstitutionId],
                [.. a.InspectorCodes.Select(c => new PublicInspector(c, agencies[c], AgencyName(agencies[c])))]))]);
    }

    /// <summary>Re-runs the published algorithm on the published inputs alone and compares with the published result.</summary>
    public async Task<DrawVerification> VerifyAsync(Guid drawId, CancellationToken ct)
    {
        var (draw, _) = await LoadAsync(drawId, ct);
        return Verify(DrawJson.Inputs(draw.InputsJson), DrawJson.Result(draw.ResultJson));
    }

    internal static DrawVerification Verify(DrawInputs inputs, DrawResult published)
    {
        var again = DoubleRandomDraw.Run(inputs);
        var differences = Math.Abs(again.Assignments.Count - published.Assignments.Count)
            + again.Assignments.Zip(published.Assignments).Count(p => p.First.InstitutionId != p.Second.InstitutionId || !p.First.InspectorCodes.SequenceEqual(p.Second.InspectorCodes));
        var matches = differences == 0 && again.SeedHex == published.SeedHex;
        return new DrawVerification(matches, again.SeedHex, again.Assignments.Count, differences, again.Assignments);
    }

    public async Task<IReadOnlyList<PublicDrawSummary>> ListAsync(CancellationToken ct)
    {
        var rows = await db.InspectionDraws.AsNoTracking().OrderByDescending(d => d.DrawnAt).Take(100)
            .Join(db.InspectionPlans.AsNoTracking(), d => d.PlanId, p => p.Id, (d, p) => new { d, p.Name }).ToListAsync(ct);
        return [.. rows.Select(x =>
        {
            var inputs = DrawJson.Inputs(x.d.InputsJson);
            var result = DrawJson.Result(x.d.ResultJson);
            return new PublicDrawSummary(x.d.Id, x.Name, x.d.RegionCode, Utc(x.d.DrawnAt), inputs.Institutions.Count, result.Assignments.Count);
        })];
    }

    internal static string AgencyName(string code) => InspectorAgencies.TryParse(code, out var a) ? InspectorAgencies.ChineseName(a) : code;

    private async Task<(InspectionDraw Draw, InspectionPlan Plan)> LoadAsync(Guid drawId, CancellationToken ct)
    {
        var draw = await db.InspectionDraws.AsNoTracking().FirstOrDefaultAsync(d => d.Id == drawId, ct) ?? throw new NotFoundException("抽取结果");
        var plan = await db.InspectionPlans.AsNoTracking().FirstAsync(p => p.Id == draw.PlanId, ct);
        return (draw, plan);
    }

    private static DateTimeOffset Utc(DateTime d) => new(DateTime.SpecifyKind(d, DateTimeKind.Utc));
}
