namespace Tuoyu.Web.Common.Time;

/// <summary>A child's age as the class rules count it: full months.</summary>
public static class Age
{
    /// <summary>
    /// Full months from <paramref name="birth"/> to <paramref name="day"/>: a child born on 15 January is one month old
    /// from 15 February; one born on 31 January from the last day of February. Zero before birth.
    /// </summary>
    public static int InMonths(DateOnly birth, DateOnly day)
    {
        var months = ((day.Year - birth.Year) * 12) + day.Month - birth.Month;
        if (birth.AddMonths(months) > day) { months--; }
        return Math.Max(0, months);
    }
}
