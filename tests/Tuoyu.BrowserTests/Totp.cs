using System.Globalization;
using System.Security.Cryptography;

namespace Tuoyu.BrowserTests;

/// <summary>
/// What an authenticator app does: RFC 6238 TOTP (HMAC-SHA1, 30-second step, 6 digits) over a
/// base32 (RFC 4648) shared key, as ASP.NET Core Identity's authenticator token provider checks it.
/// </summary>
public static class Totp
{
    public const int StepSeconds = 30;
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The 30-second window number at <paramref name="at"/>.</summary>
    public static long Step(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The 6-digit code for <paramref name="step"/> (RFC 4226 HOTP with the step as counter).</summary>
    public static string Code(string base32Key, long step)
    {
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian) { Array.Reverse(counter); }
        var hash = HMACSHA1.HashData(Base32Decode(base32Key), counter);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The code an authenticator shows now. Within 2 s of a window's end, waits for the next window
    /// first, so that the code is still current when the server checks it.
    /// </summary>
    public static async Task<string> CurrentCodeAsync(string base32Key)
    {
        var now = DateTimeOffset.UtcNow;
        var left = StepSeconds - (now.ToUnixTimeMilliseconds() / 1000.0 % StepSeconds);
        if (left < 2)
        {
            await Task.Delay(TimeSpan.FromSeconds(left + 0.2));
            now = DateTimeOffset.UtcNow;
        }

        return Code(base32Key, Step(now));
    }

    /// <summary>A 6-digit code that no window near now accepts (the server allows some clock drift).</summary>
    public static string WrongCode(string base32Key)
    {
        var step = Step(DateTimeOffset.UtcNow);
        var valid = Enumerable.Range(-5, 11).Select(d => Code(base32Key, step + d)).ToHashSet();
        return Enumerable.Range(0, 100).Select(n => (n * 111_111 % 1_000_000).ToString("D6", CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }

    /// <summary>RFC 4648 base32, case-insensitive; spaces, dashes and '=' padding are ignored.</summary>
    public static byte[] Base32Decode(string text)
    {
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var ch in text)
        {
            if (ch is ' ' or '-' or '=') { continue; }
            var value = Base32Alphabet.IndexOf(char.ToUpperInvariant(ch), StringComparison.Ordinal);
            if (value < 0) { throw new FormatException($"'{ch}' is not a base32 character"); }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
