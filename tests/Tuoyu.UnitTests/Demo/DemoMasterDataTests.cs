using System.Globalization;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Modules.Demo;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Institutions;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.UnitTests.Demo;

/// <summary>The demo institutions' master data (ADR 0017) passes the same validator as a regulator's input.</summary>
public sealed class DemoMasterDataTests
{
    private static readonly DateOnly Today = new(2025, 6, 30);

    private static (DemoWorld World, IReadOnlyList<InstitutionChain> Chains) Generate(int masterSeed = DemoMasterData.Seed)
    {
        // Enough streets of one county for brands to repeat, so chains form.
        var county = new Region { Code = "430102000000", Name = "芙蓉区", Level = RegionLevel.County, ParentCode = "430100000000" };
        var streets = Enumerable.Range(1, 60).Select(n => new Region
        {
            Code = "430102" + n.ToString("000", CultureInfo.InvariantCulture) + "000", Name = $"第{n}街道", Level = RegionLevel.Street, ParentCode = county.Code,
        }).ToList();
        var world = DemoWorld.Generate(streets, new Dictionary<string, Region> { [county.Code] = county }, 20250501, Today);
        return (world, DemoMasterData.Fill(world.Institutions, Today, masterSeed));
    }

    [Fact]
    public void Every_demo_institution_passes_the_institution_validator()
    {
        var (world, chains) = Generate();
        var chainNames = chains.ToDictionary(c => c.Id, c => c.Name);
        foreach (var i in world.Institutions)
        {
            var request = new InstitutionRequest(i.Name, i.CreditCode, i.Kind.ToString(), i.Ownership.ToString(), i.PubliclyBuiltPrivatelyRun,
                i.LegalRegistration.ToString(), i.RegionCode, i.Address, i.Latitude, i.Longitude, i.ContactPhone,
                [.. CareServiceSet.Split(i.Services).Select(s => s.ToString())], i.OpeningHours, i.RegisteredSlots, i.FloorAreaSquareMetres,
                i.OutdoorAreaSquareMetres, i.InsuredUntil, i.Insurer, i.HasVideoSupervision, null, i.ChainId is { } c ? chainNames[c] : null,
                i.EmployerName, i.KindergartenName, i.OpenedOn);
            var errors = InstitutionValidator.Check(request).Errors;
            Assert.True(errors.Count == 0, $"{i.Name}: {string.Join("; ", errors.Select(e => e.Key + "=" + string.Join(",", e.Value)))}");
        }
    }

    [Fact]
    public void Legal_registration_follows_the_credit_code_and_most_offer_full_day_care()
    {
        var (world, _) = Generate();
        Assert.All(world.Institutions, i => Assert.Equal(InstitutionRules.ImpliedRegistration(i.CreditCode), i.LegalRegistration));
        Assert.All(world.Institutions, i => Assert.NotEqual(CareServices.None, i.Services));
        Assert.True(world.Institutions.Count(i => i.Services.HasFlag(CareServices.FullDay)) > world.Institutions.Count * 0.7);
        Assert.True(world.Institutions.Count(i => i.InsuredUntil is not null) > world.Institutions.Count / 2);
        Assert.All(world.Institutions.Where(i => i.Kind == InstitutionKind.EmployerRun), i => Assert.False(string.IsNullOrEmpty(i.EmployerName)));
        Assert.All(world.Institutions.Where(i => i.Kind == InstitutionKind.KindergartenClass), i => Assert.EndsWith("幼儿园", i.KindergartenName, StringComparison.Ordinal));
    }

    [Fact]
    public void Chains_group_three_to_eight_institutions_and_the_same_seed_gives_the_same_data()
    {
        var (world, chains) = Generate();
        Assert.NotEmpty(chains);
        foreach (var chain in chains)
        {
            Assert.InRange(world.Institutions.Count(i => i.ChainId == chain.Id), 3, 8);
        }

        var (again, chainsAgain) = Generate();
        Assert.Equal(chains.Select(c => (c.Id, c.Name)), chainsAgain.Select(c => (c.Id, c.Name)));
        Assert.Equal(world.Institutions.Select(i => (i.Services, i.FloorAreaSquareMetres, i.InsuredUntil, i.ChainId)),
            again.Institutions.Select(i => (i.Services, i.FloorAreaSquareMetres, i.InsuredUntil, i.ChainId)));
    }
}
