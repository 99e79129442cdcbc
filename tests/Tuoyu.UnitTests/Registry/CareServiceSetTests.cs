using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.UnitTests.Registry;

public sealed class CareServiceSetTests
{
    [Fact]
    public void The_api_takes_english_names_only_and_a_spreadsheet_may_use_chinese()
    {
        Assert.True(CareServiceSet.TryParseSingle("hourly", out var h));
        Assert.Equal(CareServices.Hourly, h);
        Assert.False(CareServiceSet.TryParseSingle("计时托", out _));
        Assert.True(CareServiceSet.TryParseSingleOrChinese("计时托", out var c));
        Assert.Equal(CareServices.Hourly, c);
        Assert.False(CareServiceSet.TryParseSingleOrChinese("FullDay, HalfDay", out _));
        Assert.False(CareServiceSet.TryParseSingleOrChinese("4", out _));
    }

    [Fact]
    public void A_set_splits_into_its_single_services_in_display_order()
    {
        Assert.Equal([CareServices.FullDay, CareServices.Temporary], CareServiceSet.Split(CareServices.Temporary | CareServices.FullDay));
        Assert.False(CareServiceSet.IsSingle(CareServices.FullDay | CareServices.HalfDay));
        Assert.False(CareServiceSet.IsSingle(CareServices.None));
        Assert.Equal("临时托", CareServiceSet.ChineseName(CareServices.Temporary));
    }
}
