using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Auditing;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Rules;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Registry.Domain;

namespace Tuoyu.Web.Modules.Demo;

/// <summary>
/// Demo 入托申请 (ADR 0026): the two demo parents (parent0001, parent0002) each get two younger children not yet in care — one waiting in
/// the queues of inst0001 and inst0002, one holding an offer at its home institution — and each demo institution's queue gets a few
/// waiting families without accounts. A <see cref="Random"/> of its own (<see cref="Seed"/>) keeps the world's sequence unchanged.
/// </summary>
internal static class DemoApplications
{
    public const int Seed = 4101;
    private const int OtherFamiliesPerInstitution = 4;

    public static async Task SeedAsync(AppDbContext db, SensitiveDataProtector protector, DemoWorld world, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        var rng = new Random(Seed);
        var names = new[] { "parent0001", "parent0002", "inst0001", "inst0002" };
        var users = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName)).ToDictionaryAsync(u => u.UserName!, ct);
        if (users.Count < names.Length) { return; }
        var inst1 = world.Institutions.Single(i => i.Id == users["inst0001"].InstitutionId);
        var inst2 = world.Institutions.Single(i => i.Id == users["inst0002"].InstitutionId);
        var month = YearMonth.Of(today).AddMonths(1);
        var taken = world.Enrollments.GroupBy(e => e.ClassId).ToDictionary(g => g.Key, g => g.Count());
        var hashes = new HashSet<string>(await db.Children.AsNoTracking().Select(c => c.IdNumberHash).ToListAsync(ct));
        var children = new List<Child>();
        var guardians = new List<Guardian>();
        var applications = new List<ChildcareApplication>();
        var submitted = nowUtc.AddDays(-10);

        Child NewChild(ClassType type, Guid? parentUserId)
        {
            // An age inside the class type's range on the first day of the start month (托育机构设置标准（试行）第十二条), away from its ends.
            var (from, to) = ClassTypes.AgeRangeMonths(type);
            var birth = month.FirstDay.AddMonths(-(from + 1 + rng.Next(to - from - 2))).AddDays(-rng.Next(25));
            var sex = rng.Next(2) == 0 ? Sex.Male : Sex.Female;
            string number;
            do { number = ResidentIdNumber.Create("430111", birth, rng.Next(0, 500) * 2 + (sex == Sex.Male ? 1 : 0)); }
            while (!hashes.Add(protector.Hash(number)));
            var child = new Child
            {
                Id = DemoGuids.Next(rng), Name = DemoNames.Person(rng), BirthDate = birth, Sex = sex, HukouLocal = true, HukouRegionCode = "430111000000",
                BirthOrder = 2, IdNumberCipher = protector.Encrypt(number), IdNumberHash = protector.Hash(number), IdNumberMasked = AuditMasking.IdNumber(number),
            };
            children.Add(child);
            guardians.Add(new Guardian
            {
                Id = DemoGuids.Next(rng), ChildId = child.Id, UserId = parentUserId, Name = DemoNames.Person(rng), Relation = "母亲", Phone = DemoNames.MobilePhone(rng),
            });
            return child;
        }

        void Apply(Child child, Institution at, Guid applicant, ChildcareClass? offer)
        {
            submitted = submitted.AddHours(3 + rng.Next(20));
            var service = CareServiceSet.Split(at.Services).FirstOrDefault();
            if (service == CareServices.None) { return; }
            var fits = ApplicationRules.FittingTypes(child.BirthDate, month);
            if (!world.Classes.Any(c => c.InstitutionId == at.Id && fits.Contains(c.Type))) { return; }
            applications.Add(new ChildcareApplication
            {
                Id = DemoGuids.Next(rng), ChildId = child.Id, InstitutionId = at.Id, ApplicantUserId = applicant, Service = service, StartMonth = month,
                Status = offer is null ? ApplicationStatus.Waiting : ApplicationStatus.Offered, SubmittedAt = submitted,
                OfferedClassId = offer?.Id, OfferedAt = offer is null ? null : nowUtc.AddDays(-1),
                OfferExpiresOn = offer is null ? null : today.AddDays(ApplicationRules.DefaultOfferDays - 1),
            });
        }

        foreach (var (parent, home, other) in new[] { (users["parent0001"].Id, inst1, inst2), (users["parent0002"].Id, inst2, inst1) })
        {
            var classes = world.Classes.Where(c => c.InstitutionId == home.Id).ToList();
            var waiting = NewChild(classes[rng.Next(classes.Count)].Type, parent);
            Apply(waiting, home, parent, null);
            Apply(waiting, other, parent, null);
            // An offer needs a free place in its class (enrollments plus offers below capacity).
            if (classes.FirstOrDefault(c => taken.GetValueOrDefault(c.Id) < c.Capacity) is { } free)
            {
                taken[free.Id] = taken.GetValueOrDefault(free.Id) + 1;
                Apply(NewChild(free.Type, parent), home, parent, free);
            }
        }

        foreach (var at in new[] { inst1, inst2 })
        {
            var classes = world.Classes.Where(c => c.InstitutionId == at.Id).ToList();
            for (var k = 0; k < OtherFamiliesPerInstitution; k++) { Apply(NewChild(classes[rng.Next(classes.Count)].Type, null), at, Guid.Empty, null); }
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await BulkInsert.InsertAsync(db, children, ct);
        await BulkInsert.InsertAsync(db, guardians, ct);
        await BulkInsert.InsertAsync(db, applications, ct);
        await tx.CommitAsync(ct);
    }
}
