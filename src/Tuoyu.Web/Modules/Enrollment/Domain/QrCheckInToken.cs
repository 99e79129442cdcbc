using System.Security.Cryptography;
using System.Text;
using Tuoyu.Web.Common.Security;

namespace Tuoyu.Web.Modules.Enrollment.Domain;

public enum QrTokenStatus
{
    /// <summary>Today's code of the institution it names.</summary>
    Valid = 1,
    /// <summary>A code of the institution from an earlier day (within <see cref="QrCheckInToken.RecognisedDaysBack"/>).</summary>
    Expired = 2,
    /// <summary>Not a code this platform issued.</summary>
    Invalid = 3,
}

public sealed record QrTokenCheck(QrTokenStatus Status, Guid InstitutionId);

/// <summary>
/// The institution's daily check-in code (ADR 0027): the institution id followed by an HMAC-SHA256 (the platform's
/// keyed-hash key, <see cref="SensitiveDataProtector.Hash"/>) of the id and the China date, so it rotates at midnight
/// Beijing time, needs no table, and cannot be forged for another institution or day. 64 hex characters, URL-safe.
/// </summary>
public static class QrCheckInToken
{
    /// <summary>How many earlier days a code is still recognised as this institution's, to say "expired" instead of "invalid".</summary>
    public const int RecognisedDaysBack = 7;

    private const int MacHexLength = 32;

    public static string For(SensitiveDataProtector protector, Guid institutionId, DateOnly day) =>
        institutionId.ToString("N") + Mac(protector, institutionId, day);

    public static QrTokenCheck Check(SensitiveDataProtector protector, string? token, DateOnly today)
    {
        if (token is not { Length: 32 + MacHexLength } || !Guid.TryParseExact(token[..32], "N", out var institutionId)
            || !token.All(char.IsAsciiHexDigitLower))
        {
            return new QrTokenCheck(QrTokenStatus.Invalid, Guid.Empty);
        }

        var given = Encoding.ASCII.GetBytes(token[32..]);
        for (var back = 0; back <= RecognisedDaysBack; back++)
        {
            var expected = Encoding.ASCII.GetBytes(Mac(protector, institutionId, today.AddDays(-back)));
            if (CryptographicOperations.FixedTimeEquals(given, expected))
            {
                return new QrTokenCheck(back == 0 ? QrTokenStatus.Valid : QrTokenStatus.Expired, institutionId);
            }
        }

        return new QrTokenCheck(QrTokenStatus.Invalid, Guid.Empty);
    }

    private static string Mac(SensitiveDataProtector protector, Guid institutionId, DateOnly day) =>
        protector.Hash($"qr-check-in|{institutionId:N}|{day:yyyy-MM-dd}")[..MacHexLength];
}
