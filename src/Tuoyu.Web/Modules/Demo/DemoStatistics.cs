using Tuoyu.Web.Modules.Statistics.Domain;

namespace Tuoyu.Web.Modules.Demo;

/// <summary>
/// 长沙市 base statistics. City totals are the published 2021 figures (长政发〔2022〕10号 indicator table and
/// domain.md: 10,239,300 residents, 192,000 children under 3). District figures are spread by each district's
/// share of the 2020 census population (approximate, for the demo) so that they add up exactly to the city's.
/// </summary>
internal static class DemoStatistics
{
    public const string CityCode = "430100000000";
    public const long CityResidents2021 = 10_239_300;
    public const long CityChildrenUnder3_2021 = 192_000;

    private static readonly (string Code, long Weight)[] DistrictWeights =
    [
        ("430102000000", 670_000), // 芙蓉区
        ("430103000000", 761_000), // 天心区
        ("430104000000", 1_543_000), // 岳麓区
        ("430105000000", 814_000), // 开福区
        ("430111000000", 1_255_000), // 雨花区
        ("430112000000", 876_000), // 望城区
        ("430121000000", 1_381_000), // 长沙县
        ("430181000000", 1_431_000), // 浏阳市
        ("430182000000", 1_275_000), // 宁乡市
    ];

    public static List<RegionStatistic> Changsha2021()
    {
        const string source = "长沙市2021年常住人口与3岁以下婴幼儿数（长政发〔2022〕10号）；区县按人口比例分摊（演示）";
        var date = new DateOnly(2022, 3, 1);
        var result = new List<RegionStatistic>
        {
            new() { RegionCode = CityCode, Year = 2021, ResidentPopulation = CityResidents2021, ChildrenUnder3 = CityChildrenUnder3_2021, Source = "长沙市2021年统计数据（长政发〔2022〕10号）", SourceDate = date },
        };
        var residents = Spread(CityResidents2021);
        var children = Spread(CityChildrenUnder3_2021);
        for (var i = 0; i < DistrictWeights.Length; i++)
        {
            result.Add(new RegionStatistic { RegionCode = DistrictWeights[i].Code, Year = 2021, ResidentPopulation = residents[i], ChildrenUnder3 = children[i], Source = source, SourceDate = date });
        }

        return result;
    }

    /// <summary>Largest-remainder apportionment: the parts always add up to the total.</summary>
    public static long[] Spread(long total)
    {
        var sum = DistrictWeights.Sum(d => d.Weight);
        var parts = DistrictWeights.Select(d => total * d.Weight / sum).ToArray();
        var remainders = DistrictWeights.Select((d, i) => (i, r: (total * d.Weight) % sum)).OrderByDescending(x => x.r).ToList();
        var left = total - parts.Sum();
        for (var k = 0; k < left; k++) { parts[remainders[k].i]++; }
        return parts;
    }
}
