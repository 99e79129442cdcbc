using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Auditing;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Rules;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Staff.Domain;
using Tuoyu.Web.Modules.Supervision.Domain;
using Tuoyu.Web.Modules.Supervision.Plans;

namespace Tuoyu.Web.Modules.Demo;

/// <summary>
/// Supervision in the demo (ADR 0030): one entry on the 终身禁入 register, an inspector pool for 长沙市 (two per agency
/// and district), and one 双随机 plan of 5% of the city's filed institutions, drawn with its published seed, so the
/// public page /public/draws/{id} has a real record to verify. A <see cref="Random"/> of its own (<see cref="DemoStaff.Seed"/>).
/// </summary>
internal static class DemoSupervision
{
    private const string City = "430100000000";

    public static async Task SeedAsync(AppDbContext db, SensitiveDataProtector protector, DateOnly today, CancellationToken ct)
    {
        var rng = new Random(DemoStaff.Seed + 1);
        var cityAdmin = await db.Users.Where(u => u.UserName == "changsha").Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct) ?? Guid.Empty;
        var banned = ResidentIdNumber.Create("430103", new DateOnly(1981, 3, 14), 517);
        db.StaffBans.Add(new StaffBan
        {
            Id = DemoGuids.Next(rng), Name = DemoNames.Person(rng), IdNumberHash = protector.Hash(banned), IdNumberMasked = AuditMasking.IdNumber(banned),
            DecisionReference = "长卫监禁〔2025〕1号", Reason = "虐待婴幼儿，依法终身禁止从事托育服务", BannedOn = today.AddDays(-200), RegionCode = City,
            RecordedByUserId = cityAdmin,
        });

        var streets = await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith("4301") && r.Level == Common.Regions.RegionLevel.Street)
            .OrderBy(r => r.Code).Select(r => r.Code).ToListAsync(ct);
        if (streets.Count == 0) { await db.SaveChangesAsync(ct); return; }
        var agencies = new[] { InspectorAgency.Health, InspectorAgency.Education, InspectorAgency.MarketRegulation, InspectorAgency.FireRescue };
        var inspectors = new List<Inspector>();
        foreach (var county in streets.Select(s => s[..6]).Distinct())
        {
            var own = streets.Where(s => s.StartsWith(county, StringComparison.Ordinal)).ToList();
            foreach (var agency in agencies)
            {
                for (var k = 1; k <= 2; k++)
                {
                    inspectors.Add(new Inspector
                    {
                        Id = DemoGuids.Next(rng), Code = string.Create(CultureInfo.InvariantCulture, $"{county}-{(int)agency:D2}{k:D2}"), Name = DemoNames.Person(rng),
                        Agency = agency, HomeStreetCode = own[rng.Next(own.Count)], RegionCode = City,
                    });
                }
            }
        }

        db.Inspectors.AddRange(inspectors);
        var plan = new InspectionPlan
        {
            Id = DemoGuids.Next(rng), RegionCode = City, Name = "长沙市托育机构" + today.Year.ToString(CultureInfo.InvariantCulture) + "年度第一批双随机抽查",
            Kinds = string.Empty, FilingStatuses = nameof(FilingStatus.Filed), DefaultPercent = 5, TeamSize = 2, RecusePreviousDraw = true,
            PublicSeed = "长卫公告〔" + today.Year.ToString(CultureInfo.InvariantCulture) + "〕3号公布的随机种子 8302-1147",
            CreatedByUserId = cityAdmin, CreatedAt = DateTime.SpecifyKind(today.AddDays(-7).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc),
        };
        db.InspectionPlans.Add(plan);
        db.InspectionPlanInspectors.AddRange(inspectors.Select(i => new InspectionPlanInspector { PlanId = plan.Id, InspectorId = i.Id }));
        var candidates = await db.Institutions.AsNoTracking().Where(i => i.RegionCode.StartsWith("4301") && i.FilingStatus == FilingStatus.Filed)
            .Select(i => new DrawCandidate(i.Id, i.Name, i.RegionCode)).ToListAsync(ct);
        var inputs = DrawFreezing.Freeze(plan, candidates, new Dictionary<Guid, string>(), inspectors, []);
        var result = DoubleRandomDraw.Run(inputs);
        var drawnAt = DateTime.SpecifyKind(today.AddDays(-6).ToDateTime(new TimeOnly(2, 0)), DateTimeKind.Utc);
        plan.DrawnAt = drawnAt;
        var draw = new InspectionDraw
        {
            Id = DemoGuids.Next(rng), PlanId = plan.Id, RegionCode = City, Algorithm = DoubleRandomDraw.Algorithm, SeedHex = result.SeedHex,
            InputsJson = DrawJson.Write(inputs), ResultJson = DrawJson.Write(result), DrawnAt = drawnAt, DrawnByUserId = cityAdmin,
        };
        db.InspectionDraws.Add(draw);
        var byCode = inspectors.ToDictionary(i => i.Code, i => i.Id);
        db.InspectionDrawPicks.AddRange(result.Assignments.SelectMany(a => a.InspectorCodes.Select(c => new InspectionDrawPick
        {
            Id = DemoGuids.Next(rng), DrawId = draw.Id, RegionCode = City, InstitutionId = a.InstitutionId, InspectorId = byCode[c],
        })));
        await db.SaveChangesAsync(ct);
    }
}
