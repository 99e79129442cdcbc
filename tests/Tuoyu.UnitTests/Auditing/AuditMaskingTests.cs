using Tuoyu.Web.Common.Auditing;

namespace Tuoyu.UnitTests.Auditing;

/// <summary>GB/T 35273: personal data is masked before it reaches a log (security.md 16.3).</summary>
public sealed class AuditMaskingTests
{
    [Fact]
    public void AuditMasking_keeps_the_first_three_and_last_four_digits_of_a_mobile_number()
    {
        Assert.Equal("138****5678", AuditMasking.Phone("13812345678"));
    }

    [Fact]
    public void AuditMasking_hides_a_number_too_short_to_mask_partially()
    {
        Assert.Equal("*****", AuditMasking.Phone("12345"));
    }

    [Fact]
    public void AuditMasking_keeps_the_region_code_and_last_four_characters_of_an_id_number()
    {
        var masked = AuditMasking.IdNumber("430102201901011234");

        Assert.Equal("430102********1234", masked);
        Assert.Equal(8, masked.Count(c => c == '*'));
    }

    [Fact]
    public void AuditMasking_keeps_a_trailing_X_of_an_id_number()
    {
        Assert.Equal("110105********002X", AuditMasking.IdNumber("11010519491231002X"));
    }

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("王小明", "王*明")]
    [InlineData("欧阳明月", "欧**月")]
    [InlineData("李", "*")]
    [InlineData("", "")]
    public void AuditMasking_keeps_only_the_first_and_last_character_of_a_name(string name, string expected)
    {
        Assert.Equal(expected, AuditMasking.PersonName(name));
    }

    [Theory]
    [InlineData("PasswordHash")]
    [InlineData("IdNumberCipher")]
    [InlineData("IdNumberHash")]
    [InlineData("SecurityStamp")]
    [InlineData("ConcurrencyStamp")]
    public void AuditMasking_leaves_secrets_out_of_the_log(string property)
    {
        Assert.False(AuditMasking.TryMask(property, "secret-value", out var masked));
        Assert.Null(masked);
    }

    [Theory]
    [InlineData("Allergies", "鸡蛋过敏")]
    [InlineData("HealthNotes", "先天性心脏病术后复查")]
    public void AuditMasking_records_health_data_only_as_recorded(string property, string value)
    {
        Assert.True(AuditMasking.TryMask(property, value, out var masked));
        Assert.Equal("[已记录]", masked);
    }

    [Theory]
    [InlineData("Phone", "13812345678", "138****5678")]
    [InlineData("ContactPhone", "13812345678", "138****5678")]
    [InlineData("IdNumberMasked", "430102201901011234", "430102********1234")]
    [InlineData("Name", "欧阳明月", "欧**月")]
    [InlineData("DisplayName", "张三", "张*")]
    [InlineData("Address", "湖南省长沙市芙蓉区文艺路1号", "湖南省长沙市***")]
    [InlineData("Capacity", "15", "15")]
    public void AuditMasking_masks_a_property_by_its_name(string property, string value, string expected)
    {
        Assert.True(AuditMasking.TryMask(property, value, out var masked));
        Assert.Equal(expected, masked);
    }

    [Fact]
    public void AuditMasking_writes_a_null_value_as_null_but_keeps_the_property()
    {
        Assert.True(AuditMasking.TryMask("Allergies", null, out var masked));
        Assert.Null(masked);
    }

    [Fact]
    public void AuditMasking_cuts_long_free_text_to_200_characters()
    {
        Assert.True(AuditMasking.TryMask("Remark", new string('a', 500), out var masked));
        Assert.Equal(new string('a', 200) + "…", masked);
    }

    [Fact]
    public void An_institutions_name_stays_readable_but_a_person_named_name_is_masked()
    {
        Assert.True(AuditMasking.TryMask("Institution", "Name", "芙蓉区阳光托育中心", out var institution));
        Assert.Equal("芙蓉区阳光托育中心", institution);
        Assert.True(AuditMasking.TryMask("Child", "Name", "张小明", out var child));
        Assert.NotEqual("张小明", child);
        Assert.True(AuditMasking.TryMask(null, "Name", "张小明", out var unknown));
        Assert.NotEqual("张小明", unknown);
    }
}
