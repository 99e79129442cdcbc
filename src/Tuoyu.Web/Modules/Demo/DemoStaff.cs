using Tuoyu.Web.Common.Auditing;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Rules;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Staff.Domain;

namespace Tuoyu.Web.Modules.Demo;

/// <summary>
/// The staff registry of the demo (ADR 0030): one <see cref="StaffPerson"/> per generated post, with an encrypted resident ID,
/// health and background-check dates, and the generated certificate as a <see cref="StaffCertificate"/> (its expiry as
/// generated, so some have lapsed and some expire within weeks). A <see cref="Random"/> of its own (<see cref="Seed"/>).
/// </summary>
internal static class DemoStaff
{
    public const int Seed = 4105;

    /// <summary>Inserts persons, certificates and then the posts (which reference the persons).</summary>
    public static async Task InsertAsync(AppDbContext db, DemoWorld world, SensitiveDataProtector protector, DateOnly today, CancellationToken ct)
    {
        var rng = new Random(Seed);
        var counties = world.Institutions.ToDictionary(i => i.Id, i => i.RegionCode[..6]);
        var persons = new List<StaffPerson>(world.Staff.Count);
        var certificates = new List<StaffCertificate>();
        var now = DateTime.SpecifyKind(today.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        for (var n = 0; n < world.Staff.Count; n++)
        {
            var m = world.Staff[n];
            // Unique by construction: the post's index spreads over birth dates (one sequence number each).
            var id = ResidentIdNumber.Create(counties[m.InstitutionId], new DateOnly(1970, 1, 1).AddDays(n / 900 + rng.Next(3) * 4000), 100 + n % 900);
            var person = new StaffPerson
            {
                Id = DemoGuids.Next(rng), Name = m.Name, IdNumberCipher = protector.Encrypt(id), IdNumberHash = protector.Hash(id),
                IdNumberMasked = AuditMasking.IdNumber(id), Phone = DemoNames.MobilePhone(rng), HealthCertificateOn = today.AddDays(-rng.Next(420)),
                BackgroundCheckOn = today.AddDays(-rng.Next(1200)), EmploymentsChangedAt = now,
            };
            persons.Add(person);
            string? masked = null;
            if (m.CertificateNumber is { } number)
            {
                masked = StaffRules.MaskCertificateNumber(number);
                var expires = m.CertificateExpiresOn ?? today.AddYears(3);
                certificates.Add(new StaffCertificate
                {
                    Id = DemoGuids.Next(rng), PersonId = person.Id, Kind = CertificateKind(m.Role), NumberCipher = protector.Encrypt(number), NumberMasked = masked,
                    Issuer = "长沙市人力资源和社会保障局", IssuedOn = expires.AddYears(-5), ExpiresOn = expires, RecordedAt = now,
                });
            }

            world.Staff[n] = new StaffMember
            {
                Id = m.Id, InstitutionId = m.InstitutionId, PersonId = person.Id, Name = m.Name, Role = m.Role, CertificateNumber = masked,
                CertificateExpiresOn = m.CertificateExpiresOn, ClassId = m.ClassId, HiredOn = m.HiredOn, LeftOn = m.LeftOn,
            };
        }

        await BulkInsert.InsertAsync(db, persons, ct);
        await BulkInsert.InsertAsync(db, certificates, ct);
        await BulkInsert.InsertAsync(db, world.Staff, ct);
    }

    private static string CertificateKind(StaffRole role) => role switch
    {
        StaffRole.Director => "托育机构负责人培训合格证书",
        StaffRole.HealthWorker => "托育机构保健人员培训合格证书",
        _ => "保育师职业技能等级证书",
    };
}
