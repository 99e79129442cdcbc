using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Modules.Demo;
using Tuoyu.Web.Modules.Registry.Domain;

namespace Tuoyu.UnitTests.Demo;

/// <summary>Demo institutions stand in their own district, near their street's point (ADR 0020).</summary>
public sealed class DemoCoordinatesTests
{
    private static readonly Region[] Streets =
    [
        Street("430102001000"), Street("430102002000"), Street("430102003000"),
        Street("430104001000"), Street("430104002000"), Street("430104003000"),
        Street("430181001000"),
    ];

    private static readonly Dictionary<string, Region> Counties = new()
    {
        ["430102000000"] = County("430102000000", "芙蓉区"),
        ["430104000000"] = County("430104000000", "岳麓区"),
        ["430181000000"] = County("430181000000", "浏阳市"),
    };

    private static Region County(string code, string name) => new() { Code = code, Name = name, Level = RegionLevel.County, ParentCode = "430100000000" };

    private static Region Street(string code) => new() { Code = code, Name = "测试" + code[6..9] + "街道", Level = RegionLevel.Street, ParentCode = code[..6] + "000000" };

    [Theory]
    // District centres: approximate positions of the district governments (public map facts), see DemoCoordinates.
    [InlineData("430102", 28.19, 113.03, 6)]
    [InlineData("430104", 28.23, 112.93, 9)]
    [InlineData("430181", 28.16, 113.64, 30)]
    public void Demo_institutions_stand_near_their_own_districts_centre(string county, double lat, double lng, double maxKm)
    {
        var world = DemoWorld.Generate(Streets, Counties, 20250501, new DateOnly(2025, 6, 30));
        var mine = world.Institutions.Where(i => i.RegionCode.StartsWith(county, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(mine);
        Assert.All(mine, i => Assert.InRange(GeoDistance.HaversineKm(lat, lng, i.Latitude!.Value, i.Longitude!.Value), 0, maxKm));
    }

    [Fact]
    public void Institutions_of_one_street_are_within_about_3_km_of_each_other()
    {
        var world = DemoWorld.Generate(Streets, Counties, 20250501, new DateOnly(2025, 6, 30));
        foreach (var street in world.Institutions.GroupBy(i => i.RegionCode))
        {
            var list = street.ToList();
            foreach (var a in list)
            {
                foreach (var b in list)
                {
                    Assert.InRange(GeoDistance.HaversineKm(a.Latitude!.Value, a.Longitude!.Value, b.Latitude!.Value, b.Longitude!.Value), 0, 3);
                }
            }
        }
    }

    [Fact]
    public void A_streets_point_depends_on_its_code_only()
    {
        Assert.Equal(DemoCoordinates.Latitude("430102001000", 0.5), DemoCoordinates.Latitude("430102001000", 0.5));
        Assert.NotEqual(DemoCoordinates.Latitude("430102001000", 0.5), DemoCoordinates.Latitude("430102002000", 0.5));
        // Outside the table: the old 长沙 box, from the draw alone.
        Assert.Equal(28.3, DemoCoordinates.Latitude("110101001000", 0.5));
        Assert.Equal(113.0, DemoCoordinates.Longitude("110101001000", 0.5));
    }
}
