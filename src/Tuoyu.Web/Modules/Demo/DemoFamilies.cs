using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Modules.Enrollment.Domain;

namespace Tuoyu.Web.Modules.Demo;

/// <summary>
/// The demo world's enrollment history and authorised pick-up persons (ADR 0023): one 入托 event per generated enrollment,
/// and a grandparent authorised for about a third of the children. A <see cref="Random"/> of its own (<see cref="Seed"/>)
/// keeps the world's sequence unchanged. The seed is the actor (<see cref="Guid.Empty"/>), not a person.
/// </summary>
internal static class DemoFamilies
{
    public const int Seed = 20261124;

    private static readonly string[] Relations = ["祖父", "祖母", "外祖父", "外祖母"];

    public static async Task SeedAsync(AppDbContext db, DemoWorld world, CancellationToken ct)
    {
        var rng = new Random(Seed);
        var at = DateTime.SpecifyKind(new DateTime(2026, 1, 1), DateTimeKind.Utc);
        var events = world.Enrollments.Select(e => new EnrollmentEvent
        {
            Id = DemoGuids.Next(rng), EnrollmentId = e.Id, ChildId = e.ChildId, InstitutionId = e.InstitutionId, Kind = EnrollmentEventKind.Enrolled,
            ToClassId = e.ClassId, EffectiveOn = e.StartDate, ActorUserId = Guid.Empty, At = at,
        }).ToList();
        var pickups = new List<PickupPerson>();
        foreach (var child in world.Children)
        {
            if (rng.Next(3) != 0) { continue; }
            pickups.Add(new PickupPerson
            {
                Id = DemoGuids.Next(rng), ChildId = child.Id, Name = DemoNames.Person(rng), Relation = Relations[rng.Next(Relations.Length)],
                Phone = DemoNames.MobilePhone(rng), AuthorisedByUserId = Guid.Empty, AuthorisedAt = at,
            });
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await BulkInsert.InsertAsync(db, events, ct);
        await BulkInsert.InsertAsync(db, pickups, ct);
        await tx.CommitAsync(ct);
    }
}
