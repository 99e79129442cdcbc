using System.Numerics;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Subsidies.Domain;

/// <summary>
/// The days of one month as bits (bit 0 = the 1st): which days an institution held 普惠 or was filed, which days a
/// child was present. A month has at most 31 days, so one <see cref="uint"/> holds it.
/// </summary>
public static class DayMask
{
    public static uint Full(YearMonth month) => (uint)((1UL << month.DaysInMonth) - 1);

    public static int Count(uint mask) => BitOperations.PopCount(mask);

    public static uint Day(DateOnly date) => 1u << (date.Day - 1);

    /// <summary>The days in <paramref name="month"/> from <paramref name="from"/> to <paramref name="to"/> (inclusive; null = open).</summary>
    public static uint Between(YearMonth month, DateOnly from, DateOnly? to)
    {
        var first = from > month.FirstDay ? from : month.FirstDay;
        var last = to is { } t && t < month.LastDay ? t : month.LastDay;
        if (first > last) { return 0; }
        var mask = 0u;
        for (var d = first; d <= last; d = d.AddDays(1)) { mask |= Day(d); }
        return mask;
    }

    /// <summary>
    /// Days a 普惠 designation held: from GrantedOn through ValidUntil (inclusive), ending the day before WithdrawnOn.
    /// </summary>
    public static uint Inclusive(YearMonth month, IEnumerable<(DateOnly GrantedOn, DateOnly? ValidUntil, DateOnly? WithdrawnOn)> designations)
    {
        var mask = 0u;
        foreach (var (granted, validUntil, withdrawn) in designations)
        {
            DateOnly? end = validUntil;
            if (withdrawn is { } w && (end is null || w.AddDays(-1) < end)) { end = w.AddDays(-1); }
            mask |= Between(month, granted, end);
        }

        return mask;
    }

    /// <summary>
    /// Days the institution was filed (已备案). From its filing history (China dates, in order): a day counts when the
    /// last step on or before it left the institution Filed. An institution with no history (registered as filed, e.g.
    /// imported) counts from <paramref name="filedOn"/> when its status is Filed.
    /// </summary>
    public static uint Filed(YearMonth month, IReadOnlyList<FilingStep> history, bool filedNow, DateOnly? filedOn)
    {
        if (history.Count == 0)
        {
            return filedNow && filedOn is { } on ? Between(month, on, null) : 0;
        }

        var mask = 0u;
        var ordered = history.OrderBy(h => h.Date).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (!ordered[i].Filed) { continue; }
            // Later steps on the same day decide that day; the next step on a later day ends this stretch.
            if (i + 1 < ordered.Count && ordered[i + 1].Date == ordered[i].Date) { continue; }
            var next = ordered.Skip(i + 1).FirstOrDefault(h => h.Date > ordered[i].Date);
            DateOnly? end = next is null ? null : next.Date.AddDays(-1);
            mask |= Between(month, ordered[i].Date, end);
        }

        return mask;
    }
}
