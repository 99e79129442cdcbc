using Tuoyu.Web.Modules.Supervision.Domain;

namespace Tuoyu.UnitTests.Supervision;

/// <summary>ADR 0030: the 双随机 draw is a function of its published inputs; recusal and team size always hold.</summary>
public sealed class DoubleRandomDrawTests
{
    private static readonly Guid Plan = Guid.Parse("5a1f3c2e-8d4b-4e6a-9b7c-0d1e2f3a4b5c");

    private static List<DrawInstitution> Institutions(int n, string riskClass = "", int offset = 0) =>
        [.. Enumerable.Range(offset, n).Select(i => new DrawInstitution(new Guid(i + 1, 0, 0, new byte[8]), "机构" + i, riskClass))];

    private static List<DrawInspector> Inspectors(int n) => [.. Enumerable.Range(0, n).Select(i => new DrawInspector($"I{i:D3}", i % 2 == 0 ? "Health" : "FireRescue"))];

    private static DrawInputs Inputs(IReadOnlyList<DrawInstitution> institutions, IReadOnlyList<DrawInspector> inspectors, string seed = "2026-01",
        int percent = 30, IReadOnlyList<DrawRecusal>? recusals = null, IReadOnlyList<DrawRatio>? ratios = null, int team = 2) =>
        new(DoubleRandomDraw.Algorithm, Plan, seed, team, percent, ratios ?? [], institutions, inspectors, recusals ?? []);

    [Fact]
    public void The_same_inputs_give_the_same_result_whatever_their_order()
    {
        var institutions = Institutions(40);
        var inspectors = Inspectors(12);
        var first = DoubleRandomDraw.Run(Inputs(institutions, inspectors));
        var reordered = DoubleRandomDraw.Run(Inputs([.. institutions.AsEnumerable().Reverse()], [.. inspectors.AsEnumerable().Reverse()]));

        Assert.Equal(first.SeedHex, reordered.SeedHex);
        Assert.Equal(Flatten(first), Flatten(reordered));
    }

    [Fact]
    public void A_different_public_seed_gives_a_different_draw()
    {
        var a = DoubleRandomDraw.Run(Inputs(Institutions(40), Inspectors(12), seed: "2026-01"));
        var b = DoubleRandomDraw.Run(Inputs(Institutions(40), Inspectors(12), seed: "2026-02"));

        Assert.NotEqual(a.SeedHex, b.SeedHex);
        Assert.NotEqual(Flatten(a), Flatten(b));
    }

    [Fact]
    public void The_seed_is_sha256_of_the_algorithm_plan_and_public_seed()
    {
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes("tuoyu-draw-v1\n5a1f3c2e-8d4b-4e6a-9b7c-0d1e2f3a4b5c\n公告种子")));

        Assert.Equal(expected, DoubleRandomDraw.Run(Inputs(Institutions(3), Inspectors(3), seed: "公告种子")).SeedHex);
    }

    [Fact]
    public void A_recused_inspector_is_never_assigned_and_every_team_has_the_team_size()
    {
        var institutions = Institutions(30);
        var inspectors = Inspectors(6);
        // Recuse four of the six inspectors from every institution with an even index: only I004 and I005 remain there.
        var recusals = institutions.Where((_, i) => i % 2 == 0)
            .SelectMany(inst => inspectors.Take(4).Select(x => new DrawRecusal(inst.Id, x.Code, "same_street"))).ToList();
        for (var seed = 0; seed < 25; seed++)
        {
            var result = DoubleRandomDraw.Run(Inputs(institutions, inspectors, seed: "s" + seed, percent: 100, recusals: recusals));
            var recused = recusals.Select(r => (r.InstitutionId, r.InspectorCode)).ToHashSet();
            Assert.Equal(30, result.Assignments.Count);
            Assert.All(result.Assignments, a =>
            {
                Assert.Equal(2, a.InspectorCodes.Count);
                Assert.Equal(2, a.InspectorCodes.Distinct().Count());
                Assert.DoesNotContain(a.InspectorCodes, c => recused.Contains((a.InstitutionId, c)));
            });
        }
    }

    [Fact]
    public void A_pool_that_cannot_staff_an_institution_stops_the_draw_naming_it()
    {
        var institutions = Institutions(5);
        var inspectors = Inspectors(3);
        var recusals = inspectors.Take(2).Select(x => new DrawRecusal(institutions[3].Id, x.Code, "previous_draw")).ToList();

        var ex = Assert.Throws<DrawPoolTooSmallException>(() => DoubleRandomDraw.Run(Inputs(institutions, inspectors, percent: 100, recusals: recusals)));

        Assert.Equal(institutions[3].Id, ex.InstitutionId);
        Assert.Equal(1, ex.Eligible);
    }

    [Fact]
    public void A_team_of_fewer_than_two_is_refused()
    {
        Assert.Throws<ArgumentException>(() => DoubleRandomDraw.Run(Inputs(Institutions(3), Inspectors(3), team: 1)));
    }

    [Fact]
    public void Each_risk_class_is_sampled_at_its_own_ratio_rounded_up()
    {
        var institutions = Institutions(10, "A").Concat(Institutions(20, "B", 100)).Concat(Institutions(40, "C", 200)).Concat(Institutions(7, "D", 300))
            .Concat(Institutions(9, "", 400)).ToList();
        DrawRatio[] ratios = [new("A", 100), new("B", 50), new("C", 10), new("D", 0)];

        var result = DoubleRandomDraw.Run(Inputs(institutions, Inspectors(8), percent: 20, ratios: ratios));

        var classOf = institutions.ToDictionary(i => i.Id, i => i.RiskClass);
        int Count(string c) => result.Assignments.Count(a => classOf[a.InstitutionId] == c);
        Assert.Equal(10, Count("A"));
        Assert.Equal(10, Count("B"));
        Assert.Equal(4, Count("C"));
        Assert.Equal(0, Count("D"));
        Assert.Equal(2, Count("")); // ceil(9 × 20 / 100) with the default ratio
    }

    [Theory]
    [InlineData(10, 30, 3)]
    [InlineData(11, 30, 4)]
    [InlineData(1, 1, 1)]
    [InlineData(0, 50, 0)]
    [InlineData(7, 0, 0)]
    public void Sample_size_is_the_ceiling_of_the_percentage(int size, int percent, int expected) =>
        Assert.Equal(expected, DoubleRandomDraw.SampleSize(size, percent));

    [Fact]
    public void Freezing_recuses_same_street_inspectors_and_last_draws_teams()
    {
        var plan = new InspectionPlan
        {
            Id = Plan, RegionCode = "430100000000", Name = "测试", Kinds = "", FilingStatuses = "Filed", DefaultPercent = 100, TeamSize = 2,
            PublicSeed = "x", RecusePreviousDraw = true,
        };
        var inst = new DrawCandidate(Guid.NewGuid(), "甲", "430102001000");
        Inspector Make(string code, string street, bool active = true) => new()
        {
            Id = Guid.NewGuid(), Code = code, Name = "某", Agency = InspectorAgency.Health, HomeStreetCode = street, RegionCode = "430100000000", Active = active,
        };
        var neighbour = Make("A1", "430102001000");
        var lastTime = Make("A2", "430104003000");
        var free = Make("A3", "430104003000");
        var inactive = Make("A4", "430104003000", active: false);

        var inputs = DrawFreezing.Freeze(plan, [inst], new Dictionary<Guid, string>(), [neighbour, lastTime, free, inactive], [(inst.Id, lastTime.Id)]);

        Assert.Equal(["A1", "A2", "A3"], inputs.Inspectors.Select(i => i.Code));
        Assert.Equal([("A1", "same_street"), ("A2", "previous_draw")], inputs.Recusals.Select(r => (r.InspectorCode, r.Reason)));
    }

    private static List<string> Flatten(DrawResult r) => [.. r.Assignments.Select(a => a.InstitutionId + ":" + string.Join(',', a.InspectorCodes))];
}
