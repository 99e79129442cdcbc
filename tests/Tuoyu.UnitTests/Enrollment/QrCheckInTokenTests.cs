using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Enrollment.Domain;

namespace Tuoyu.UnitTests.Enrollment;

/// <summary>ADR 0027: the institution's check-in code is an HMAC of its id and the China date.</summary>
public sealed class QrCheckInTokenTests
{
    private static readonly SensitiveDataProtector Protector = new(Enumerable.Repeat((byte)7, 32).ToArray(), Enumerable.Repeat((byte)9, 32).ToArray());
    private static readonly Guid Institution = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static readonly DateOnly Day = new(2026, 12, 5);

    [Fact]
    public void Todays_code_is_valid_and_names_its_institution()
    {
        var token = QrCheckInToken.For(Protector, Institution, Day);
        Assert.Equal(64, token.Length);
        Assert.Equal(new QrTokenCheck(QrTokenStatus.Valid, Institution), QrCheckInToken.Check(Protector, token, Day));
    }

    [Fact]
    public void The_code_rotates_daily_and_an_earlier_days_code_is_expired()
    {
        var yesterday = QrCheckInToken.For(Protector, Institution, Day.AddDays(-1));
        Assert.NotEqual(QrCheckInToken.For(Protector, Institution, Day), yesterday);
        Assert.Equal(QrTokenStatus.Expired, QrCheckInToken.Check(Protector, yesterday, Day).Status);
        var longAgo = QrCheckInToken.For(Protector, Institution, Day.AddDays(-QrCheckInToken.RecognisedDaysBack - 1));
        Assert.Equal(QrTokenStatus.Invalid, QrCheckInToken.Check(Protector, longAgo, Day).Status);
        // Tomorrow's code is not valid today either.
        Assert.Equal(QrTokenStatus.Invalid, QrCheckInToken.Check(Protector, QrCheckInToken.For(Protector, Institution, Day.AddDays(1)), Day).Status);
    }

    [Fact]
    public void A_code_moved_to_another_institution_or_made_with_another_key_is_invalid()
    {
        var token = QrCheckInToken.For(Protector, Institution, Day);
        var moved = Guid.NewGuid().ToString("N") + token[32..];
        Assert.Equal(QrTokenStatus.Invalid, QrCheckInToken.Check(Protector, moved, Day).Status);
        var other = new SensitiveDataProtector(Enumerable.Repeat((byte)7, 32).ToArray(), Enumerable.Repeat((byte)8, 32).ToArray());
        Assert.Equal(QrTokenStatus.Invalid, QrCheckInToken.Check(other, token, Day).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("0F8FAD5BD9CB469FA16570867728950E0000000000000000000000000000000000")]
    public void Malformed_codes_are_invalid(string? token) =>
        Assert.Equal(QrTokenStatus.Invalid, QrCheckInToken.Check(Protector, token, Day).Status);
}
