using Tuoyu.Web.Common.Regions;

namespace Tuoyu.UnitTests.Regions;

/// <summary>The national 12-digit statistical division code: province 2, city 2, county 2, street 3, community 3.</summary>
public sealed class RegionCodeTests
{
    private const string Hunan = "430000000000";
    private const string Changsha = "430100000000";
    private const string Furong = "430102000000";
    private const string Wenyilu = "430102001000"; // 芙蓉区文艺路街道
    private const string Yuelu = "430104000000";
    private const string Wangyuehu = "430104001000"; // 岳麓区望月湖街道

    [Theory]
    [InlineData(Hunan)]
    [InlineData(Wenyilu)]
    [InlineData("000000000000")]
    public void RegionCode_accepts_twelve_ascii_digits(string code)
    {
        Assert.True(RegionCode.IsValid(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("430102")]
    [InlineData("43010200100")]
    [InlineData("4301020010000")]
    [InlineData("43010200100A")]
    [InlineData("４３０１０２００１０００")]
    [InlineData(" 30102001000")]
    public void RegionCode_rejects_anything_but_twelve_ascii_digits(string? code)
    {
        Assert.False(RegionCode.IsValid(code));
    }

    [Theory]
    [InlineData(Hunan, RegionLevel.Province)]
    [InlineData(Changsha, RegionLevel.City)]
    [InlineData(Furong, RegionLevel.County)]
    [InlineData(Wenyilu, RegionLevel.Street)]
    public void RegionCode_LevelOf_reads_the_level_from_the_trailing_zeros(string code, RegionLevel level)
    {
        Assert.Equal(level, RegionCode.LevelOf(code));
    }

    [Theory]
    [InlineData(Hunan, "43")]
    [InlineData(Changsha, "4301")]
    [InlineData(Furong, "430102")]
    [InlineData(Wenyilu, "430102001")]
    public void RegionCode_PrefixOf_is_the_significant_part_of_the_code(string code, string prefix)
    {
        Assert.Equal(prefix, RegionCode.PrefixOf(code));
    }

    [Theory]
    [InlineData(Wenyilu, Changsha)]
    [InlineData(Wenyilu, Hunan)]
    [InlineData(Wenyilu, Furong)]
    [InlineData(Furong, Changsha)]
    [InlineData(Yuelu, Changsha)]
    [InlineData(Wangyuehu, Yuelu)]
    public void RegionCode_IsWithin_is_true_for_a_region_below_the_ancestor(string code, string ancestor)
    {
        Assert.True(RegionCode.IsWithin(code, ancestor));
    }

    [Theory]
    [InlineData(Changsha)]
    [InlineData(Furong)]
    [InlineData(Wenyilu)]
    public void RegionCode_IsWithin_counts_a_region_as_within_itself(string code)
    {
        Assert.True(RegionCode.IsWithin(code, code));
    }

    [Theory]
    [InlineData(Yuelu, Furong)]
    [InlineData(Wangyuehu, Furong)]
    [InlineData(Wenyilu, Yuelu)]
    [InlineData(Changsha, Furong)]
    [InlineData(Furong, Wenyilu)]
    [InlineData("440100000000", Hunan)]
    public void RegionCode_IsWithin_is_false_for_a_sibling_or_an_ancestor(string code, string ancestor)
    {
        Assert.False(RegionCode.IsWithin(code, ancestor));
    }
}
