using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Identity.Contracts;

namespace Tuoyu.UnitTests.Security;

public sealed class PermissionsTests
{
    private static readonly string[] ChildPermissions = [Permissions.ChildRead, Permissions.ChildUpdate, Permissions.ChildRevealIdNumber];

    [Fact]
    public void Permissions_auditor_reads_and_verifies_the_audit_log()
    {
        Assert.True(Permissions.Has(UserKind.Auditor, Permissions.AuditRead));
        Assert.True(Permissions.Has(UserKind.Auditor, Permissions.AuditVerify));
    }

    [Fact]
    public void Permissions_auditor_reads_neither_children_nor_institutions()
    {
        // 三权分立: the auditor sees the log, not the data the log is about.
        Assert.All(ChildPermissions, p => Assert.False(Permissions.Has(UserKind.Auditor, p), p));
        Assert.False(Permissions.Has(UserKind.Auditor, Permissions.InstitutionRead));
        Assert.False(Permissions.Has(UserKind.Auditor, Permissions.InstitutionUpdate));
    }

    [Theory]
    [InlineData(UserKind.SystemAdmin)]
    [InlineData(UserKind.SecurityAdmin)]
    [InlineData(UserKind.Auditor)]
    public void Permissions_separated_administrators_cannot_read_children(UserKind kind)
    {
        // 三权分立 (MLPS level 3): none of the three administrators reads a child's data.
        Assert.All(ChildPermissions, p => Assert.False(Permissions.Has(kind, p), $"{kind} holds {p}"));
    }

    [Fact]
    public void Permissions_the_three_administrators_hold_separate_powers()
    {
        Assert.True(Permissions.Has(UserKind.SystemAdmin, Permissions.UserManage));
        Assert.False(Permissions.Has(UserKind.SystemAdmin, Permissions.UserUnlock));
        Assert.False(Permissions.Has(UserKind.SystemAdmin, Permissions.AuditRead));

        Assert.True(Permissions.Has(UserKind.SecurityAdmin, Permissions.UserUnlock));
        Assert.False(Permissions.Has(UserKind.SecurityAdmin, Permissions.UserManage));
        Assert.False(Permissions.Has(UserKind.SecurityAdmin, Permissions.AuditRead));

        Assert.False(Permissions.Has(UserKind.Auditor, Permissions.UserManage));
        Assert.False(Permissions.Has(UserKind.Auditor, Permissions.UserUnlock));
    }

    [Fact]
    public void Permissions_only_the_two_account_administrators_list_accounts()
    {
        // Both need the list to act on accounts; the auditor stays on the audit log (三权分立).
        Assert.True(Permissions.Has(UserKind.SystemAdmin, Permissions.UserRead));
        Assert.True(Permissions.Has(UserKind.SecurityAdmin, Permissions.UserRead));
        Assert.All(Enum.GetValues<UserKind>().Where(k => k is not UserKind.SystemAdmin and not UserKind.SecurityAdmin),
            kind => Assert.False(Permissions.Has(kind, Permissions.UserRead), kind.ToString()));
    }

    [Theory]
    [InlineData(Permissions.UserManage, UserKind.SystemAdmin)]
    [InlineData(Permissions.UserUnlock, UserKind.SecurityAdmin)]
    public void Permissions_account_changes_belong_to_one_kind_only(string permission, UserKind holder)
    {
        Assert.All(Enum.GetValues<UserKind>(), kind => Assert.Equal(kind == holder, Permissions.Has(kind, permission)));
    }

    [Fact]
    public void Permissions_parents_cannot_read_the_institution_list()
    {
        Assert.False(Permissions.Has(UserKind.Parent, Permissions.InstitutionRead));
        Assert.False(Permissions.Has(UserKind.Parent, Permissions.InstitutionUpdate));
    }

    [Fact]
    public void Permissions_parents_cannot_reveal_a_full_id_number_or_read_the_audit_log()
    {
        Assert.False(Permissions.Has(UserKind.Parent, Permissions.ChildRevealIdNumber));
        Assert.False(Permissions.Has(UserKind.Parent, Permissions.AuditRead));
    }

    [Theory]
    [InlineData(UserKind.InstitutionStaff)]
    [InlineData(UserKind.Medical)]
    [InlineData(UserKind.Parent)]
    public void Permissions_only_regulators_and_institution_admins_change_an_institution(UserKind kind)
    {
        Assert.False(Permissions.Has(kind, Permissions.InstitutionUpdate));
    }

    [Fact]
    public void Permissions_every_code_has_the_module_resource_action_shape()
    {
        Assert.All(Permissions.All, code => Assert.Matches("^[a-z]+:[a-z-]+:[a-z-]+$", code));
    }

    [Fact]
    public void Permissions_All_lists_every_permission_constant_once()
    {
        var constants = typeof(Permissions).GetFields()
            .Where(f => f is { IsLiteral: true, FieldType: var t } && t == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet();

        Assert.Equal(Permissions.All.Count, Permissions.All.Distinct().Count());
        Assert.Equal(constants.Order(StringComparer.Ordinal), Permissions.All.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Permissions_every_kind_of_user_may_manage_itself()
    {
        Assert.All(Enum.GetValues<UserKind>(), kind => Assert.True(Permissions.Has(kind, Permissions.SelfManage), kind.ToString()));
    }

    [Fact]
    public void Permissions_an_unknown_permission_is_held_by_no_one()
    {
        Assert.All(Enum.GetValues<UserKind>(), kind => Assert.False(Permissions.Has(kind, "registry:institution:delete")));
    }
}
