using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Enrollment.Domain;

/// <summary>
/// Pure rules of the 入托申请 state machine (ADR 0026): which step is allowed from which status, when an offer has lapsed,
/// and which class types a child fits on its start date.
/// </summary>
public static class ApplicationRules
{
    /// <summary>
    /// Default number of days an offer stays open (offer day + 7, the last day to accept). No policy seed fixes one: a week
    /// lets a family visit and decide (ADR 0026); configurable as <c>Applications:OfferDays</c>.
    /// </summary>
    public const int DefaultOfferDays = 7;

    /// <summary>Upper bound of a chosen deadline: an offer that blocks a place longer than a month keeps it from other families.</summary>
    public const int MaxOfferDays = 31;

    /// <summary>How far ahead a family may apply: a year (the waitlist runs in months; further ahead is not plannable).</summary>
    public const int MaxMonthsAhead = 12;

    /// <summary>Waiting or offered: the child holds its place in the queue (the unique index over open applications).</summary>
    public static bool IsOpen(ApplicationStatus s) => s is ApplicationStatus.Waiting or ApplicationStatus.Offered;

    /// <summary>An offer whose last day to accept (China date) is before <paramref name="today"/>.</summary>
    public static bool HasLapsed(ChildcareApplication a, DateOnly today) =>
        a.Status == ApplicationStatus.Offered && a.OfferExpiresOn is { } last && last < today;

    /// <summary>An offer that still holds a place in its class on <paramref name="today"/>.</summary>
    public static bool IsOutstandingOffer(ChildcareApplication a, DateOnly today) =>
        a.Status == ApplicationStatus.Offered && a.OfferExpiresOn is { } last && last >= today;

    /// <summary>The institution may offer or refuse a waiting application only.</summary>
    public static bool CanDecide(ApplicationStatus s) => s == ApplicationStatus.Waiting;

    /// <summary>The family may withdraw a waiting application (an offer is declined instead).</summary>
    public static bool CanWithdraw(ApplicationStatus s) => s == ApplicationStatus.Waiting;

    /// <summary>The family may accept or decline an offer that has not lapsed.</summary>
    public static bool CanAnswer(ChildcareApplication a, DateOnly today) => IsOutstandingOffer(a, today);

    /// <summary>The first day of care: the first day of the start month, or today when the month has already begun.</summary>
    public static DateOnly StartDate(YearMonth month, DateOnly today) => month.FirstDay < today ? today : month.FirstDay;

    /// <summary>The start month is this month or later, and at most <see cref="MaxMonthsAhead"/> months ahead.</summary>
    public static bool IsPlannableMonth(YearMonth month, DateOnly today) =>
        month >= YearMonth.Of(today) && month <= YearMonth.Of(today).AddMonths(MaxMonthsAhead);

    /// <summary>
    /// Class types a child born on <paramref name="birthDate"/> fits on the first day of <paramref name="month"/>
    /// (托育机构设置标准（试行）第十二条 via <see cref="ChildRules.FitsClass"/>), in type order; empty at 36 months and over
    /// (托育 serves children under 3, <see cref="ChildRules.MaxAgeMonths"/>).
    /// </summary>
    public static IReadOnlyList<ClassType> FittingTypes(DateOnly birthDate, YearMonth month)
    {
        if (Age.InMonths(birthDate, month.FirstDay) >= ChildRules.MaxAgeMonths) { return []; }
        return [.. Enum.GetValues<ClassType>().Where(t => ChildRules.FitsClass(birthDate, month.FirstDay, t))];
    }

    public static string StatusName(ApplicationStatus s) => s switch
    {
        ApplicationStatus.Waiting => "排队中",
        ApplicationStatus.Offered => "已发出学位",
        ApplicationStatus.Accepted => "已接受（已入托）",
        ApplicationStatus.Declined => "已放弃",
        ApplicationStatus.Lapsed => "逾期未确认",
        ApplicationStatus.Withdrawn => "已撤回",
        ApplicationStatus.Refused => "不予录取",
        _ => s.ToString(),
    };
}
