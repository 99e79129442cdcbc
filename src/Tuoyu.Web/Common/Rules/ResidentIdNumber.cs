using System.Globalization;

namespace Tuoyu.Web.Common.Rules;

/// <summary>
/// 公民身份号码, GB 11643-1999: 6-digit address code, 8-digit birth date, 3-digit sequence (odd male,
/// even female) and a check character by ISO 7064 MOD 11-2 (security.md, Input checksums).
/// </summary>
public static class ResidentIdNumber
{
    // GB 11643-1999 §8.2: weights Wi = 2^(18-i) mod 11 for the first 17 digits.
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    // Σ mod 11 → check character.
    private const string CheckChars = "10X98765432";

    /// <summary>Upper-cases a trailing x and trims; does not validate.</summary>
    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) { sum += (first17[i] - '0') * Weights[i]; }
        return CheckChars[sum % 11];
    }

    /// <summary>Validates format, birth date and check character; returns a Chinese reason when invalid.</summary>
    public static bool TryValidate(string? value, out string normalized, out DateOnly birthDate, out string? error)
    {
        normalized = value is null ? string.Empty : Normalize(value);
        birthDate = default;
        error = null;
        if (normalized.Length != 18 || !normalized[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(normalized[17]) || normalized[17] == 'X'))
        {
            error = "身份证号码应为18位，前17位为数字，最后一位为数字或X";
            return false;
        }

        if (!DateOnly.TryParseExact(normalized.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out birthDate))
        {
            error = "身份证号码中的出生日期无效";
            return false;
        }

        if (CheckCharacter(normalized) != normalized[17])
        {
            error = "身份证号码校验位错误";
            return false;
        }

        return true;
    }

    /// <summary>The sex encoded in the sequence: odd male, even female.</summary>
    public static bool IsMale(string normalized) => (normalized[16] - '0') % 2 == 1;

    /// <summary>Builds a valid number (for generated demo and test data).</summary>
    public static string Create(string addressCode6, DateOnly birth, int sequence3)
    {
        var first17 = addressCode6 + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence3.ToString("D3", CultureInfo.InvariantCulture);
        return first17 + CheckCharacter(first17);
    }
}
