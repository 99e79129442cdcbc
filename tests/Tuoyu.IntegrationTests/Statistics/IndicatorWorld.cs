using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuoyu.IntegrationTests.Infrastructure;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Common.Rules;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Identity.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Staff.Domain;

namespace Tuoyu.IntegrationTests.Statistics;

/// <summary>
/// A county of its own (in 甘肃省, where no other test places institutions) with hand-counted data, so the indicator figures
/// are exact whatever else the shared test database holds. Open today: I1 (公办 standalone, 40 slots, filed 2024-06-01,
/// graded, video, medical agreement), I2 (公办 幼儿园托班, 20 slots, 普惠 by flag, not filed), I3 (民办, 30 slots, filed without
/// history, 普惠 only during 2025, agreement revoked); I4 opens in 2099.
/// </summary>
public sealed record IndicatorWorld(string City, string County, string Street, Guid I1, Guid I2, Guid I3, Guid I4, string CityRegulator, string CountyRegulator, DateOnly Today)
{
    private static int _sequence;

    public static async Task<IndicatorWorld> CreateAsync(TuoyuFactory factory)
    {
        var n = Interlocked.Increment(ref _sequence);
        var suffix = $"{n}{Guid.NewGuid():N}"[..10];
        var today = ChinaTime.Today(TimeProvider.System);
        string county = "", street = "", city = "";
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var streets = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Street && r.Code.StartsWith("62")).Select(r => r.Code).ToListAsync();
            var rng = new Random(n * 7907 + Environment.TickCount);
            foreach (var s in streets.OrderBy(_ => rng.Next()))
            {
                var prefix = s[..6];
                if (await db.Institutions.AnyAsync(i => i.RegionCode.StartsWith(prefix))) { continue; }
                (street, county, city) = (s, prefix + "000000", s[..4] + "00000000");
                break;
            }
        });
        Assert.NotEqual("", county);
        var w = new IndicatorWorld(city, county, street, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "regCity" + suffix, "regCounty" + suffix, today);
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var hasher = sp.GetRequiredService<IPasswordHasher<AppUser>>();
            var hash = hasher.HashPassword(new AppUser { DisplayName = "x" }, TestWorld.Password);
            AppUser Regulator(string name, string region) => new()
            {
                Id = Guid.NewGuid(), UserName = name, NormalizedUserName = name.ToUpperInvariant(), DisplayName = name, Kind = UserKind.Regulator,
                RegionCode = region, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
            };
            db.Users.AddRange(Regulator(w.CityRegulator, city), Regulator(w.CountyRegulator, county));
            var k = 0;
            Institution Inst(Guid id, InstitutionKind kind, Ownership ownership, int slots, DateOnly opened) => new()
            {
                Id = id, Name = $"指标测试{++k}号" + suffix, Kind = kind, Ownership = ownership, RegisteredSlots = slots, OpenedOn = opened, RegionCode = street,
                Address = "测试路", CreditCode = UnifiedSocialCreditCode.Create("52" + street[..6] + (suffix[..8] + k).ToUpperInvariant().Replace('I', '1').Replace('O', '0').Replace('Z', '2').Replace('S', '5').Replace('V', '7')),
                FilingStatus = FilingStatus.NotFiled,
            };
            var i1 = Inst(w.I1, InstitutionKind.Standalone, Ownership.Public, 40, new DateOnly(2024, 1, 1));
            i1.FilingStatus = FilingStatus.Filed;
            i1.FiledOn = new DateOnly(2024, 6, 1);
            i1.Grade = "一级";
            i1.HasVideoSupervision = true;
            var i2 = Inst(w.I2, InstitutionKind.KindergartenClass, Ownership.Public, 20, new DateOnly(2024, 1, 1));
            i2.IsInclusive = true;
            i2.KindergartenName = "测试幼儿园";
            var i3 = Inst(w.I3, InstitutionKind.Standalone, Ownership.Private, 30, new DateOnly(2024, 1, 1));
            i3.FilingStatus = FilingStatus.Filed;
            var i4 = Inst(w.I4, InstitutionKind.Standalone, Ownership.Public, 50, new DateOnly(2099, 1, 1));
            db.Institutions.AddRange(i1, i2, i3, i4);
            db.Classes.AddRange(
                new ChildcareClass { Id = Guid.NewGuid(), InstitutionId = w.I1, Name = "乳儿班", Type = ClassType.Infant, Capacity = 10 },
                new ChildcareClass { Id = Guid.NewGuid(), InstitutionId = w.I1, Name = "托小班", Type = ClassType.Toddler, Capacity = 15 },
                new ChildcareClass { Id = Guid.NewGuid(), InstitutionId = w.I1, Name = "托大班", Type = ClassType.Preschool, Capacity = 15 },
                new ChildcareClass { Id = Guid.NewGuid(), InstitutionId = w.I3, Name = "托小班", Type = ClassType.Toddler, Capacity = 15 });
            ChildEnrollment Enr(Guid inst, DateOnly start, DateOnly? end = null) => new()
            {
                Id = Guid.NewGuid(), ChildId = Guid.NewGuid(), InstitutionId = inst, ClassId = Guid.NewGuid(), Service = CareServices.FullDay, StartDate = start, EndDate = end,
            };
            db.Enrollments.AddRange(
                Enr(w.I1, new DateOnly(2025, 1, 1)), Enr(w.I1, new DateOnly(2025, 1, 1)), Enr(w.I1, new DateOnly(2025, 1, 1)),
                Enr(w.I1, new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30)),
                Enr(w.I3, new DateOnly(2099, 1, 1)));
            StaffMember Staff(Guid inst, StaffRole role, string? cert, DateOnly? expires)
            {
                // Each post belongs to a person (ADR 0030); the person's ID number plays no part in the indicators.
                var person = new StaffPerson
                {
                    Id = Guid.NewGuid(), Name = "测试员工", IdNumberCipher = "-", IdNumberHash = Guid.NewGuid().ToString("N"), IdNumberMasked = "-",
                };
                db.StaffPersons.Add(person);
                return new()
                {
                    Id = Guid.NewGuid(), InstitutionId = inst, PersonId = person.Id, Name = "测试员工", Role = role, CertificateNumber = cert,
                    CertificateExpiresOn = expires, HiredOn = new DateOnly(2024, 1, 1),
                };
            }
            db.Staff.AddRange(
                Staff(w.I1, StaffRole.Carer, "BY1", new DateOnly(2099, 1, 1)),
                Staff(w.I1, StaffRole.Carer, null, null),
                Staff(w.I1, StaffRole.InfantCarer, "YY1", new DateOnly(2020, 1, 1)),
                Staff(w.I1, StaffRole.Cook, "CS1", null));
            var medical = new MedicalInstitution { Id = Guid.NewGuid(), Name = "指标测试医院" + suffix, RegionCode = county };
            db.MedicalInstitutions.Add(medical);
            db.MedicalAgreements.AddRange(
                new MedicalAgreement { Id = Guid.NewGuid(), InstitutionId = w.I1, MedicalInstitutionId = medical.Id, SignedOn = new DateOnly(2024, 1, 1) },
                new MedicalAgreement { Id = Guid.NewGuid(), InstitutionId = w.I3, MedicalInstitutionId = medical.Id, SignedOn = new DateOnly(2024, 1, 1), RevokedOn = new DateOnly(2024, 2, 1) });
            Designation Des(Guid inst, DesignationKind kind, string? level, DateOnly granted, DateOnly? withdrawn) => new()
            {
                Id = Guid.NewGuid(), InstitutionId = inst, Kind = kind, Level = level, Basis = "测试", GrantedOn = granted, WithdrawnOn = withdrawn,
                GrantedByUserId = Guid.NewGuid(), GrantedByUserName = "测试", GrantedByRegionCode = county, RecordedAt = DateTime.UtcNow,
            };
            db.Designations.AddRange(
                Des(w.I3, DesignationKind.Inclusive, null, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)),
                Des(w.I1, DesignationKind.Demonstration, "区县级", today.AddDays(30), null));
            db.Fees.AddRange(
                new InstitutionFee { Id = Guid.NewGuid(), InstitutionId = w.I1, ClassType = ClassType.Infant, Service = CareServices.FullDay, MonthlyFeeFen = 170_000, Pricing = FeePricing.GovernmentPriced, EffectiveFrom = new DateOnly(2024, 1, 1) },
                new InstitutionFee { Id = Guid.NewGuid(), InstitutionId = w.I1, ClassType = ClassType.Toddler, Service = CareServices.FullDay, MonthlyFeeFen = 150_000, Pricing = FeePricing.GovernmentPriced, EffectiveFrom = new DateOnly(2024, 1, 1) },
                new InstitutionFee { Id = Guid.NewGuid(), InstitutionId = w.I1, ClassType = ClassType.Toddler, Service = CareServices.HalfDay, MonthlyFeeFen = 90_000, Pricing = FeePricing.GovernmentPriced, EffectiveFrom = new DateOnly(2024, 1, 1) });
            await db.SaveChangesAsync();
        });
        return w;
    }
}
