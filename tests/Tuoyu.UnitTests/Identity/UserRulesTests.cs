using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Identity.Users;

namespace Tuoyu.UnitTests.Identity;

public sealed class UserRulesTests
{
    [Theory]
    [InlineData("abc", true)]
    [InlineData("zhang.san_01-x", true)]
    [InlineData("ab", false)]
    [InlineData("has space", false)]
    [InlineData("名字abc", false)]
    [InlineData("a@b.cn", false)]
    public void UserRules_user_names_are_3_to_50_letters_digits_dot_underscore_or_dash(string name, bool valid)
    {
        Assert.Equal(valid, UserRules.IsValidUserName(name));
        Assert.False(UserRules.IsValidUserName(new string('a', 51)));
    }

    [Theory]
    [InlineData("Regulator", UserKind.Regulator)]
    [InlineData(" institutionstaff ", UserKind.InstitutionStaff)]
    public void UserKinds_parse_enum_names_ignoring_case(string text, UserKind expected)
    {
        Assert.True(UserKinds.TryParse(text, out var kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("6")]
    [InlineData("Regulator,Parent")]
    [InlineData("Wizard")]
    public void UserKinds_refuse_numbers_combinations_and_unknown_names(string? text)
    {
        Assert.False(UserKinds.TryParse(text, out _));
    }

    [Theory]
    [InlineData(UserKind.Regulator, ScopeField.Region)]
    [InlineData(UserKind.InstitutionAdmin, ScopeField.Institution)]
    [InlineData(UserKind.InstitutionStaff, ScopeField.Institution)]
    [InlineData(UserKind.Medical, ScopeField.MedicalInstitution)]
    [InlineData(UserKind.Parent, ScopeField.None)]
    [InlineData(UserKind.SystemAdmin, ScopeField.None)]
    [InlineData(UserKind.SecurityAdmin, ScopeField.None)]
    [InlineData(UserKind.Auditor, ScopeField.None)]
    public void UserKinds_each_kind_needs_at_most_one_scope_field(UserKind kind, ScopeField field)
    {
        Assert.Equal(field, UserKinds.ScopeOf(kind));
        Assert.False(string.IsNullOrEmpty(UserKinds.Name(kind)));
    }
}
