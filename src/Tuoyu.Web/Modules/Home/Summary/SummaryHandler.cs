using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Enrollment.Contracts;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Common.Time;

namespace Tuoyu.Web.Modules.Home.Summary;

public sealed record ScopeSummary(string ScopeName, int Institutions, int RegisteredSlots, int EnrolledChildren, DateOnly AsOf);

/// <summary>The caller's real figures for the home page: institutions, slots and enrolled children in scope.</summary>
internal sealed class SummaryHandler(CurrentUser current, IInstitutionScope institutions, IChildScope children, ScopeNames names, TimeProvider clock)
{
    public async Task<ScopeSummary> GetAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var today = ChinaTime.Today(clock);
        var ids = institutions.IdsInScope(user);
        var totals = await institutions.TotalsAsync(ids, ct);
        var enrolled = user.Kind == UserKind.Parent
            ? await children.OwnEnrolledCountAsync(user, today, ct)
            : await children.EnrolledCountAsync(ids, today, ct);
        return new ScopeSummary(await names.DescribeAsync(user, ct), totals.Institutions, totals.RegisteredSlots, enrolled, today);
    }
}
