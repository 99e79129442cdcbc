using Tuoyu.Web.Common.Rules;

namespace Tuoyu.IntegrationTests.Infrastructure;

/// <summary>
/// Valid resident ID numbers that never repeat within a test run: the children table refuses a second
/// child with the same number (keyed hash, unique), and every fixture's database lives for the whole run.
/// </summary>
public static class TestIds
{
    private static int _next;

    /// <summary>
    /// A GB 11643 number for a child born about <paramref name="birth"/>, and the birth date it encodes
    /// (999 sequence numbers a day; past that, a day earlier per thousand).
    /// </summary>
    public static (string IdNumber, DateOnly BirthDate) ResidentId(string county6, DateOnly birth)
    {
        var n = Interlocked.Increment(ref _next);
        var date = birth.AddDays(-(n / 999));
        return (ResidentIdNumber.Create(county6, date, n % 999), date);
    }
}
