namespace Tuoyu.Web.Common.Rules;

/// <summary>
/// 统一社会信用代码, GB 32100-2015: 18 characters over 0-9A-Z without I O Z S V (values 0–30),
/// weights 3^(i) mod 31, check = (31 − Σ mod 31) mod 31 (security.md, Input checksums).
/// </summary>
public static class UnifiedSocialCreditCode
{
    // GB 32100-2015 §4 character set, in value order 0..30.
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    // GB 32100-2015 §5.2 weights for positions 1..17.
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (v < 0) { throw new ArgumentException("Invalid character in credit code.", nameof(first17)); }
            sum += v * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    public static bool TryValidate(string? value, out string normalized, out string? error)
    {
        normalized = value?.Trim().ToUpperInvariant() ?? string.Empty;
        error = null;
        if (normalized.Length != 18 || normalized.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            error = "统一社会信用代码应为18位数字或大写字母（不含I、O、Z、S、V）";
            return false;
        }

        if (CheckCharacter(normalized) != normalized[17])
        {
            error = "统一社会信用代码校验位错误";
            return false;
        }

        return true;
    }

    /// <summary>Builds a valid code (for generated demo and test data).</summary>
    public static string Create(string first17) => first17 + CheckCharacter(first17);
}
