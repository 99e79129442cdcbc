using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Closing;
using Tuoyu.Web.Modules.Registry.Lookup;
using Tuoyu.Web.Modules.Subsidies.Batches;
using Tuoyu.Web.Modules.Subsidies.Domain;

namespace Tuoyu.Web.Modules.Demo;

/// <summary>
/// 入托补助 for 芙蓉区 over the demo's two closed months (issue #5 item 6, ADR 0028): the older month approved (computed and
/// submitted by the district, approved by the city, so its payment ledger exists), the later one a draft to review.
/// Computed by the real <see cref="BatchComputation"/>, written in bulk.
/// </summary>
internal static class DemoSubsidies
{
    public const int Seed = 4103;
    private const string Furong = "430102000000";

    public static async Task SeedAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        var rng = new Random(Seed);
        var users = await db.Users.AsNoTracking().Where(u => u.UserName == "furong" || u.UserName == "changsha")
            .ToDictionaryAsync(u => u.UserName!, u => u.Id, ct);
        if (!users.TryGetValue("furong", out var furong) || !users.TryGetValue("changsha", out var changsha)) { return; }
        var computation = new BatchComputation(db, new InstitutionStatusHistoryQuery(db), new InstitutionDirectory(db), new MonthlyFigures(db));
        var thisMonth = YearMonth.Of(today);
        var approvedMonth = thisMonth.AddMonths(-2);
        var draftMonth = thisMonth.AddMonths(-1);
        foreach (var month in new[] { approvedMonth, draftMonth })
        {
            var id = DemoGuids.Next(rng);
            var result = await computation.ComputeAsync(id, Furong, month, ct);
            var lines = result.Lines.Select(l => Copy(l, DemoGuids.Next(rng))).ToList();
            var computedAt = ChinaTime.StartOfDayUtc(month.LastDay.AddDays(3)).AddHours(9);
            var approved = month == approvedMonth;
            var batch = new SubsidyBatch
            {
                Id = id, RegionCode = Furong, Month = month, Status = approved ? BatchStatus.Approved : BatchStatus.Draft,
                OpenKey = SubsidyBatch.OpenKeyFor(Furong, month), RuleVersionIds = result.RuleVersionIds,
                LineCount = lines.Count, TotalFen = lines.Sum(l => l.AmountFen),
                CreatedByUserId = furong, CreatedByUserName = "furong", CreatedAt = computedAt, ComputedAt = computedAt,
            };
            var payments = new List<SubsidyPayment>();
            if (approved)
            {
                (batch.SubmittedByUserId, batch.SubmittedByUserName, batch.SubmittedAt) = (furong, "furong", computedAt.AddHours(2));
                (batch.ApprovedByUserId, batch.ApprovedByUserName, batch.ApprovedAt) = (changsha, "changsha", computedAt.AddDays(2));
                (batch.ApprovedLineCount, batch.ApprovedTotalFen) = (batch.LineCount, batch.TotalFen);
                payments.AddRange(lines.Select(l => new SubsidyPayment
                {
                    Id = DemoGuids.Next(rng), ChildId = l.ChildId, InstitutionId = l.InstitutionId, RuleId = l.RuleId, Month = l.Month,
                    BatchId = id, LineId = l.Id, AmountFen = l.AmountFen, CreatedAt = computedAt.AddDays(2),
                }));
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await BulkInsert.InsertAsync(db, new[] { batch }, ct);
            await BulkInsert.InsertAsync(db, lines, ct);
            await BulkInsert.InsertAsync(db, payments, ct);
            await tx.CommitAsync(ct);
        }
    }

    private static SubsidyBatchLine Copy(SubsidyBatchLine l, Guid id) => new()
    {
        Id = id, BatchId = l.BatchId, ChildId = l.ChildId, InstitutionId = l.InstitutionId, RuleId = l.RuleId, RuleVersionId = l.RuleVersionId,
        Month = l.Month, ClassType = l.ClassType, InfantDays = l.InfantDays, ToddlerDays = l.ToddlerDays, PreschoolDays = l.PreschoolDays,
        MixedDays = l.MixedDays, EnrolledDays = l.EnrolledDays, AttendedDays = l.AttendedDays, InclusiveDays = l.InclusiveDays,
        FiledDays = l.FiledDays, EligibleDays = l.EligibleDays, InstitutionCount = l.InstitutionCount, AmountFen = l.AmountFen,
    };
}
