using Tuoyu.Web.Common.Rules;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Staff.Domain;

namespace Tuoyu.UnitTests.Staff;

/// <summary>ADR 0030: 挂靠 (one carer post at a time across institutions, unless a regulator allowed it) and ban matching.</summary>
public sealed class StaffRulesTests
{
    private static readonly Guid Here = Guid.NewGuid();
    private static readonly Guid Elsewhere = Guid.NewGuid();

    private static StaffMember Post(Guid institution, StaffRole role, DateOnly from, DateOnly? to = null) => new()
    {
        Id = Guid.NewGuid(), InstitutionId = institution, PersonId = Guid.NewGuid(), Name = "王某", Role = role, HiredOn = from, LeftOn = to,
    };

    [Fact]
    public void A_carer_post_while_holding_one_at_another_institution_is_a_conflict()
    {
        var existing = Post(Elsewhere, StaffRole.Carer, new DateOnly(2025, 1, 1));

        Assert.Same(existing, StaffRules.ConcurrentCarerPost([existing], Here, StaffRole.InfantCarer, new DateOnly(2026, 3, 1), null, []));
    }

    [Fact]
    public void A_post_after_the_other_ended_or_a_non_carer_role_is_allowed()
    {
        var ended = Post(Elsewhere, StaffRole.Carer, new DateOnly(2025, 1, 1), new DateOnly(2026, 2, 28));
        var cook = Post(Elsewhere, StaffRole.Cook, new DateOnly(2025, 1, 1));

        Assert.Null(StaffRules.ConcurrentCarerPost([ended, cook], Here, StaffRole.Carer, new DateOnly(2026, 3, 1), null, []));
        Assert.Null(StaffRules.ConcurrentCarerPost([Post(Elsewhere, StaffRole.Carer, new DateOnly(2025, 1, 1))], Here, StaffRole.Security, new DateOnly(2026, 3, 1), null, []));
    }

    [Fact]
    public void The_last_day_of_the_other_post_still_overlaps()
    {
        var ending = Post(Elsewhere, StaffRole.Carer, new DateOnly(2025, 1, 1), new DateOnly(2026, 3, 1));

        Assert.NotNull(StaffRules.ConcurrentCarerPost([ending], Here, StaffRole.Carer, new DateOnly(2026, 3, 1), null, []));
    }

    [Fact]
    public void A_regulators_exception_for_the_new_institution_allows_the_second_post_and_only_there()
    {
        var existing = Post(Elsewhere, StaffRole.Carer, new DateOnly(2025, 1, 1));
        var exception = new StaffPostException { Id = Guid.NewGuid(), PersonId = existing.PersonId, InstitutionId = Here, Reason = "综合中心派驻" };

        Assert.Null(StaffRules.ConcurrentCarerPost([existing], Here, StaffRole.Carer, new DateOnly(2026, 3, 1), null, [exception]));
        Assert.NotNull(StaffRules.ConcurrentCarerPost([existing], Guid.NewGuid(), StaffRole.Carer, new DateOnly(2026, 3, 1), null, [exception]));
    }

    [Fact]
    public void A_ban_matches_the_same_number_however_it_was_typed()
    {
        var protector = new SensitiveDataProtector(new byte[32], Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        // A number whose check character is X, typed in lower case with spaces around it.
        var id = Enumerable.Range(1, 200).Select(n => ResidentIdNumber.Create("430102", new DateOnly(1985, 5, 20), n)).First(x => x.EndsWith('X'));
        var lower = " " + id.ToLowerInvariant() + " ";
        Assert.True(ResidentIdNumber.TryValidate(lower, out var normalized, out _, out _));
        var bans = new[] { protector.Hash(id) };

        Assert.True(StaffRules.IsBanned(protector.Hash(normalized), bans));
        Assert.NotEqual(id, lower);
        Assert.False(StaffRules.IsBanned(protector.Hash(ResidentIdNumber.Create("430102", new DateOnly(1985, 5, 21), 5)), bans));
    }

    [Theory]
    [InlineData("BY12345678", "BY****5678")]
    [InlineData("123456", "******")]
    public void Certificate_numbers_are_masked(string number, string masked) => Assert.Equal(masked, StaffRules.MaskCertificateNumber(number));
}
