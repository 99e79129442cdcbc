using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.UnitTests.Enrollment;

/// <summary>The 入托申请 state machine and age fit (ADR 0026).</summary>
public sealed class ApplicationRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    private static ChildcareApplication Offer(DateOnly? expiresOn, ApplicationStatus status = ApplicationStatus.Offered) => new()
    {
        Id = Guid.NewGuid(), Status = status, OfferExpiresOn = expiresOn, StartMonth = new YearMonth(2027, 1), Service = CareServices.FullDay,
    };

    [Fact]
    public void An_offer_is_outstanding_through_its_last_day_and_lapses_the_day_after()
    {
        var offer = Offer(Today);
        Assert.True(ApplicationRules.IsOutstandingOffer(offer, Today));
        Assert.True(ApplicationRules.CanAnswer(offer, Today));
        Assert.False(ApplicationRules.HasLapsed(offer, Today));
        Assert.True(ApplicationRules.HasLapsed(offer, Today.AddDays(1)));
        Assert.False(ApplicationRules.CanAnswer(offer, Today.AddDays(1)));
    }

    [Theory]
    [InlineData(ApplicationStatus.Waiting)]
    [InlineData(ApplicationStatus.Accepted)]
    [InlineData(ApplicationStatus.Declined)]
    [InlineData(ApplicationStatus.Lapsed)]
    [InlineData(ApplicationStatus.Withdrawn)]
    [InlineData(ApplicationStatus.Refused)]
    public void Only_an_offered_application_has_an_offer_to_answer_or_lapse(ApplicationStatus status)
    {
        var a = Offer(Today.AddDays(-3), status);
        Assert.False(ApplicationRules.CanAnswer(a, Today));
        Assert.False(ApplicationRules.HasLapsed(a, Today));
        Assert.False(ApplicationRules.IsOutstandingOffer(a, Today));
    }

    [Theory]
    [InlineData(ApplicationStatus.Waiting, true, true, true)]
    [InlineData(ApplicationStatus.Offered, false, false, true)]
    [InlineData(ApplicationStatus.Accepted, false, false, false)]
    [InlineData(ApplicationStatus.Declined, false, false, false)]
    [InlineData(ApplicationStatus.Lapsed, false, false, false)]
    [InlineData(ApplicationStatus.Withdrawn, false, false, false)]
    [InlineData(ApplicationStatus.Refused, false, false, false)]
    public void Steps_allowed_from_each_status(ApplicationStatus status, bool decide, bool withdraw, bool open)
    {
        Assert.Equal(decide, ApplicationRules.CanDecide(status));
        Assert.Equal(withdraw, ApplicationRules.CanWithdraw(status));
        Assert.Equal(open, ApplicationRules.IsOpen(status));
    }

    [Fact]
    public void Every_status_has_a_Chinese_name()
    {
        foreach (var s in Enum.GetValues<ApplicationStatus>()) { Assert.NotEqual(s.ToString(), ApplicationRules.StatusName(s)); }
    }

    [Theory]
    // 托育机构设置标准（试行）第十二条: 乳儿班 6–12, 托小班 12–24, 托大班 24–36, 混合班 18 and over; both ends count.
    [InlineData(5, new ClassType[0])]
    [InlineData(6, new[] { ClassType.Infant })]
    [InlineData(12, new[] { ClassType.Infant, ClassType.Toddler })]
    [InlineData(18, new[] { ClassType.Toddler, ClassType.Mixed })]
    [InlineData(24, new[] { ClassType.Toddler, ClassType.Preschool, ClassType.Mixed })]
    [InlineData(35, new[] { ClassType.Preschool, ClassType.Mixed })]
    // 托育 serves children under 3 (国办发〔2019〕15号): none at 36 months.
    [InlineData(36, new ClassType[0])]
    public void The_age_on_the_first_day_of_the_start_month_decides_the_class_types(int months, ClassType[] expected)
    {
        var month = new YearMonth(2027, 3);
        var birth = month.FirstDay.AddMonths(-months);
        Assert.Equal(expected, ApplicationRules.FittingTypes(birth, month));
    }

    [Fact]
    public void The_age_counts_on_the_first_of_the_month_not_later_in_it()
    {
        // Born 2 March 2026: 11 full months on 1 February 2027, 12 only from 2 February — 乳儿班 only, not 托小班.
        Assert.Equal([ClassType.Infant], ApplicationRules.FittingTypes(new DateOnly(2026, 3, 2), new YearMonth(2027, 2)));
    }

    [Fact]
    public void Care_starts_on_the_first_of_the_start_month_or_today_once_it_has_begun()
    {
        Assert.Equal(new DateOnly(2027, 1, 1), ApplicationRules.StartDate(new YearMonth(2027, 1), Today));
        Assert.Equal(Today, ApplicationRules.StartDate(new YearMonth(2026, 12), Today));
    }

    [Fact]
    public void A_start_month_from_this_month_to_twelve_months_ahead_is_plannable()
    {
        Assert.True(ApplicationRules.IsPlannableMonth(new YearMonth(2026, 12), Today));
        Assert.True(ApplicationRules.IsPlannableMonth(new YearMonth(2027, 12), Today));
        Assert.False(ApplicationRules.IsPlannableMonth(new YearMonth(2026, 11), Today));
        Assert.False(ApplicationRules.IsPlannableMonth(new YearMonth(2028, 1), Today));
    }

    [Fact]
    public void The_default_offer_deadline_is_a_week_and_within_the_maximum()
    {
        Assert.Equal(7, ApplicationRules.DefaultOfferDays);
        Assert.InRange(ApplicationRules.DefaultOfferDays, 1, ApplicationRules.MaxOfferDays);
    }
}
