using Tuoyu.Web.Modules.Demo;

namespace Tuoyu.UnitTests.Demo;

public sealed class DemoStatisticsTests
{
    // 长政发〔2022〕10号: 10,239,300 residents and 192,000 children under 3 in 长沙市 (2021).
    [Theory]
    [InlineData(10_239_300L)]
    [InlineData(192_000L)]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(8L)]
    public void DemoStatistics_Spread_parts_add_up_exactly_to_the_total(long total)
    {
        var parts = DemoStatistics.Spread(total);

        Assert.Equal(9, parts.Length);
        Assert.Equal(total, parts.Sum());
        Assert.All(parts, p => Assert.True(p >= 0));
    }

    [Fact]
    public void DemoStatistics_Spread_gives_the_most_populous_district_the_largest_share()
    {
        // 岳麓区 has the largest 2020 census weight of the nine districts.
        var parts = DemoStatistics.Spread(192_000);

        Assert.Equal(parts.Max(), parts[2]);
    }

    [Fact]
    public void DemoStatistics_Changsha2021_city_row_has_the_published_figures()
    {
        // 长政发〔2022〕10号: 长沙市 2021, 10,239,300 residents, 192,000 children under 3.
        var city = Assert.Single(DemoStatistics.Changsha2021(), s => s.RegionCode == "430100000000");

        Assert.Equal(2021, city.Year);
        Assert.Equal(10_239_300, city.ResidentPopulation);
        Assert.Equal(192_000, city.ChildrenUnder3);
        Assert.Contains("长政发〔2022〕10号", city.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void DemoStatistics_Changsha2021_district_rows_add_up_to_the_city_row()
    {
        var rows = DemoStatistics.Changsha2021();
        var districts = rows.Where(r => r.RegionCode != DemoStatistics.CityCode).ToList();

        Assert.Equal(9, districts.Count);
        Assert.All(districts, d => Assert.StartsWith("4301", d.RegionCode, StringComparison.Ordinal));
        Assert.Equal(DemoStatistics.CityResidents2021, districts.Sum(d => d.ResidentPopulation));
        Assert.Equal(DemoStatistics.CityChildrenUnder3_2021, districts.Sum(d => d.ChildrenUnder3));
    }
}
