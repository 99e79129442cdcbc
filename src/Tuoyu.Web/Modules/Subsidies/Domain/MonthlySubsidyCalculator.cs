using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Subsidies.Domain;

/// <summary>
/// 入托补助 per child and month (issue #5 item 2, ADR 0028): pure, so every setting a rule version carries is unit
/// tested. Input is the closed month's figures of one child at every institution it attended (inside the batch's
/// region or not), output the lines this batch pays — at most one per rule, so a moved child is paid once.
/// </summary>
public static class MonthlySubsidyCalculator
{
    /// <summary>One <c>MonthlyAttendance</c> row.</summary>
    public readonly record struct Row(Guid ChildId, Guid InstitutionId, ClassType ClassType, CareServices Service, int EnrolledDays, int AttendedDays);

    /// <summary>An institution of the batch's region with the days of the month it held 普惠 and was filed.</summary>
    public sealed record InstitutionMonth(Guid Id, string RegionCode, bool IsPrivate, uint InclusiveMask, uint FiledMask);

    /// <summary>A rule and its version in force for the month.</summary>
    public sealed record RuleInForce(SubsidyRule Rule, SubsidyRuleVersion Version);

    public sealed class Context
    {
        public required YearMonth Month { get; init; }
        /// <summary>The batch's institutions; a child's institution missing here lies outside the batch's region.</summary>
        public required IReadOnlyDictionary<Guid, InstitutionMonth> Institutions { get; init; }
        /// <summary>The child's first enrollment start at an institution (ties between institutions).</summary>
        public required Func<Guid, Guid, DateOnly?> EnrollmentStart { get; init; }
        /// <summary>The days the child was present at an institution (asked only when the institution held its statuses on some days but not all).</summary>
        public required Func<Guid, Guid, uint> PresentMask { get; init; }
    }

    /// <summary>The lines for one child (all its rows of the month), one per rule at most.</summary>
    public static List<SubsidyBatchLine> Compute(IReadOnlyList<Row> childRows, IReadOnlyList<RuleInForce> rules, Context context, Guid batchId)
    {
        var lines = new List<SubsidyBatchLine>();
        foreach (var rule in rules)
        {
            if (Line(childRows, rule, context, batchId) is { } line) { lines.Add(line); }
        }

        return lines;
    }

    public static SubsidyBatchLine? Line(IReadOnlyList<Row> childRows, RuleInForce rule, Context context, Guid batchId)
    {
        var v = rule.Version;
        var rows = childRows.Where(r => (v.EligibleServices & r.Service) != 0 && r.EnrolledDays > 0).ToList();
        if (rows.Count == 0) { return null; }

        // Moved within the month: paid once, where the child spent the most enrolled days; a tie goes to the earliest
        // enrollment (MovedChildRule.MostEnrolledDays). Decided over all institutions, in or out of this region, so
        // the other region's batch reaches the same answer.
        var byInstitution = rows.GroupBy(r => r.InstitutionId).Select(g => (Id: g.Key, Days: g.Sum(r => r.EnrolledDays))).ToList();
        var winner = byInstitution.Count == 1 ? byInstitution[0].Id : byInstitution
            .OrderByDescending(x => x.Days)
            .ThenBy(x => context.EnrollmentStart(rows[0].ChildId, x.Id) ?? DateOnly.MaxValue)
            .ThenBy(x => x.Id)
            .First().Id;
        if (!context.Institutions.TryGetValue(winner, out var institution)) { return null; }
        if (!RegionCode.IsWithin(institution.RegionCode, rule.Rule.JurisdictionRegionCode)) { return null; }
        if (v.RequiresPrivate && !institution.IsPrivate) { return null; }

        var here = rows.Where(r => r.InstitutionId == winner).ToList();
        var days = here.GroupBy(r => r.ClassType).ToDictionary(g => g.Key, g => g.Sum(r => r.EnrolledDays));
        var type = ChooseClassType(days, v);
        if (type is null) { return null; }
        var enrolled = here.Sum(r => r.EnrolledDays);
        var attended = here.Sum(r => r.AttendedDays);
        if (attended < v.MinimumAttendedDays) { return null; }

        var full = DayMask.Full(context.Month);
        var eligible = full;
        if (v.RequiresInclusive) { eligible &= institution.InclusiveMask; }
        if (v.RequiresFiling) { eligible &= institution.FiledMask; }
        if (eligible == 0) { return null; }
        if (eligible != full)
        {
            if (v.StatusChange == StatusChangeRule.WholeMonth) { return null; }
            if ((context.PresentMask(rows[0].ChildId, winner) & eligible) == 0) { return null; }
        }

        var amount = v.AmountFor(type.Value)!.Value;
        if (v.ProrateByEnrolledDays) { amount = amount * Math.Min(enrolled, context.Month.DaysInMonth) / context.Month.DaysInMonth; }
        if (v.CapFen is { } cap && amount > cap) { amount = cap; }
        if (amount <= 0) { return null; }

        return new SubsidyBatchLine
        {
            Id = Guid.CreateVersion7(), BatchId = batchId, ChildId = rows[0].ChildId, InstitutionId = winner, RuleId = rule.Rule.Id,
            RuleVersionId = v.Id, Month = context.Month, ClassType = type.Value,
            InfantDays = days.GetValueOrDefault(ClassType.Infant), ToddlerDays = days.GetValueOrDefault(ClassType.Toddler),
            PreschoolDays = days.GetValueOrDefault(ClassType.Preschool), MixedDays = days.GetValueOrDefault(ClassType.Mixed),
            EnrolledDays = enrolled, AttendedDays = attended,
            InclusiveDays = DayMask.Count(institution.InclusiveMask & full), FiledDays = DayMask.Count(institution.FiledMask & full),
            EligibleDays = DayMask.Count(eligible), InstitutionCount = byInstitution.Count, AmountFen = amount,
        };
    }

    /// <summary>
    /// The class type paid for: the class's type, never the child's age (a child who turns 12 or 24 months stays in its
    /// class until moved). Class types the rule does not pay are left out.
    /// </summary>
    public static ClassType? ChooseClassType(IReadOnlyDictionary<ClassType, int> enrolledDaysByType, SubsidyRuleVersion v)
    {
        var paid = enrolledDaysByType.Where(kv => kv.Value > 0 && v.AmountFor(kv.Key) is > 0).ToList();
        if (paid.Count == 0) { return null; }
        var chosen = v.ClassChange switch
        {
            ClassChangeRule.HighestAmount => paid.OrderByDescending(kv => v.AmountFor(kv.Key)).First(),
            _ => paid.OrderByDescending(kv => kv.Value).ThenByDescending(kv => v.AmountFor(kv.Key)).First(),
        };
        return chosen.Key;
    }
}
