using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuoyu.Web.Common.Auditing;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Rules;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Identity.Domain;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Staff.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.IntegrationTests.Infrastructure;

/// <summary>
/// Two of everything, for tests that cross boundaries: institution A in 芙蓉区 and B in 岳麓区, a child
/// and a parent at each, a regulator for each district, an admin for each institution, a medical
/// institution signed with A only. Account names carry a random suffix so worlds never collide.
/// </summary>
public sealed class TestWorld
{
    public const string Password = "Test@Pass1234";
    public const string FurongStreet = "430102001000";
    public const string YueluStreet = "430104003000";

    private static int _sequence;
    private readonly TuoyuFactory _factory;

    public required string Suffix { get; init; }
    public required Guid InstitutionA { get; init; }
    public required Guid InstitutionB { get; init; }
    public required Guid ChildA { get; init; }
    public required Guid ChildB { get; init; }
    public required string ChildAIdNumber { get; init; }
    public required Guid MedicalA { get; init; }
    public required Guid AgreementA { get; init; }
    public required Guid ClassA { get; init; }
    public required Guid ClassB { get; init; }
    /// <summary>Child A's mother (linked to <see cref="ParentA"/>).</summary>
    public required Guid GuardianA { get; init; }
    public required Guid GuardianB { get; init; }
    /// <summary>A 保育师 of institution A assigned to class A.</summary>
    public required Guid CarerA { get; init; }

    public string RegulatorA => "regA" + Suffix;
    public string RegulatorB => "regB" + Suffix;
    public string AdminA => "admA" + Suffix;
    public string AdminB => "admB" + Suffix;
    /// <summary>An institution staff account (保育人员) at institution A.</summary>
    public string StaffA => "stfA" + Suffix;
    public string ParentA => "parA" + Suffix;
    public string ParentB => "parB" + Suffix;
    public string MedicalUser => "medA" + Suffix;
    public string Auditor => "aud" + Suffix;
    public string SystemAdmin => "sys" + Suffix;
    public string SecurityAdmin => "sec" + Suffix;

    private TestWorld(TuoyuFactory factory) => _factory = factory;

    public static async Task<TestWorld> CreateAsync(TuoyuFactory factory)
    {
        var n = Interlocked.Increment(ref _sequence);
        var suffix = $"{n}{Guid.NewGuid():N}"[..10];
        var instA = Guid.NewGuid();
        var instB = Guid.NewGuid();
        var childA = Guid.NewGuid();
        var childB = Guid.NewGuid();
        var medical = Guid.NewGuid();
        var agreement = Guid.NewGuid();
        var classAId = Guid.NewGuid();
        var classBId = Guid.NewGuid();
        var guardianA = Guid.NewGuid();
        var guardianB = Guid.NewGuid();
        var carerA = Guid.NewGuid();
        var rng = new Random(n * 7919 + Environment.TickCount);
        var (idA, birthA) = TestIds.ResidentId("430102", new DateOnly(2025, 1, 1).AddDays(rng.Next(300)));
        var (idB, birthB) = TestIds.ResidentId("430104", new DateOnly(2025, 1, 1).AddDays(rng.Next(300)));
        var world = new TestWorld(factory)
        {
            Suffix = suffix, InstitutionA = instA, InstitutionB = instB, ChildA = childA, ChildB = childB,
            ChildAIdNumber = idA, MedicalA = medical, AgreementA = agreement, ClassA = classAId, ClassB = classBId,
            GuardianA = guardianA, GuardianB = guardianB, CarerA = carerA,
        };

        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var protector = sp.GetRequiredService<SensitiveDataProtector>();
            var hasher = sp.GetRequiredService<IPasswordHasher<AppUser>>();
            Institution Inst(Guid id, string street, string name) => new()
            {
                Id = id, Name = name + suffix, CreditCode = UnifiedSocialCreditCode.Create("91" + street[..6] + suffix[..9].ToUpperInvariant().Replace('I', '1').Replace('O', '0').Replace('Z', '2').Replace('S', '5').Replace('V', '7')),
                Kind = InstitutionKind.Standalone, Ownership = Ownership.Private, IsInclusive = true, RegionCode = street,
                Address = "测试路1号", ContactPhone = "0731-88886666", RegisteredSlots = 30, FilingStatus = FilingStatus.Filed, OpenedOn = new DateOnly(2024, 1, 1),
            };
            var a = Inst(instA, FurongStreet, "测试托育A");
            var b = Inst(instB, YueluStreet, "测试托育B");
            // Credit codes must differ although the suffix is shared.
            b.CreditCode = UnifiedSocialCreditCode.Create("52" + YueluStreet[..6] + a.CreditCode[8..17]);
            db.Institutions.AddRange(a, b);
            var classA = new ChildcareClass { Id = classAId, InstitutionId = instA, Name = "托小班", Type = ClassType.Toddler, Capacity = 15 };
            var classB = new ChildcareClass { Id = classBId, InstitutionId = instB, Name = "托小班", Type = ClassType.Toddler, Capacity = 15 };
            db.Classes.AddRange(classA, classB);
            Child NewChild(Guid id, string idNumber, DateOnly birth) => new()
            {
                Id = id, Name = "测试儿童", BirthDate = birth, Sex = Sex.Male, HukouLocal = true, BirthOrder = 1,
                Allergies = "花生过敏", HealthNotes = "无",
                IdNumberCipher = protector.Encrypt(idNumber), IdNumberHash = protector.Hash(idNumber), IdNumberMasked = AuditMasking.IdNumber(idNumber),
            };
            db.Children.AddRange(NewChild(childA, idA, birthA), NewChild(childB, idB, birthB));
            db.Enrollments.AddRange(
                new ChildEnrollment { Id = Guid.NewGuid(), ChildId = childA, InstitutionId = instA, ClassId = classA.Id, Service = CareServices.FullDay, StartDate = new DateOnly(2026, 1, 5) },
                new ChildEnrollment { Id = Guid.NewGuid(), ChildId = childB, InstitutionId = instB, ClassId = classB.Id, Service = CareServices.FullDay, StartDate = new DateOnly(2026, 1, 5) });
            db.MedicalInstitutions.Add(new MedicalInstitution { Id = medical, Name = "测试妇幼保健院" + suffix, RegionCode = "430102000000" });
            db.MedicalAgreements.Add(new MedicalAgreement { Id = agreement, InstitutionId = instA, MedicalInstitutionId = medical, SignedOn = new DateOnly(2025, 1, 1) });

            var hash = hasher.HashPassword(new AppUser { DisplayName = "x" }, Password);
            AppUser User(string name, UserKind kind, string? region = null, Guid? inst = null, Guid? med = null) => new()
            {
                Id = Guid.NewGuid(), UserName = name, NormalizedUserName = name.ToUpperInvariant(), DisplayName = name, Kind = kind,
                RegionCode = region, InstitutionId = inst, MedicalInstitutionId = med, PasswordHash = hash,
                SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
            };
            var parentA = User(world.ParentA, UserKind.Parent);
            var parentB = User(world.ParentB, UserKind.Parent);
            db.Users.AddRange(
                User(world.RegulatorA, UserKind.Regulator, region: "430102000000"),
                User(world.RegulatorB, UserKind.Regulator, region: "430104000000"),
                User(world.AdminA, UserKind.InstitutionAdmin, inst: instA),
                User(world.AdminB, UserKind.InstitutionAdmin, inst: instB),
                User(world.StaffA, UserKind.InstitutionStaff, inst: instA),
                parentA, parentB,
                User(world.MedicalUser, UserKind.Medical, med: medical),
                User(world.Auditor, UserKind.Auditor),
                User(world.SystemAdmin, UserKind.SystemAdmin),
                User(world.SecurityAdmin, UserKind.SecurityAdmin));
            db.Guardians.AddRange(
                new Guardian { Id = guardianA, ChildId = childA, UserId = parentA.Id, Name = "张丽", Relation = "母亲", Phone = "13812345678" },
                new Guardian { Id = guardianB, ChildId = childB, UserId = parentB.Id, Name = "李娜", Relation = "母亲", Phone = "13987654321" });
            var carerId = TestIds.ResidentId("430102", new DateOnly(1990, 6, 1)).IdNumber;
            var carerPerson = new StaffPerson
            {
                Id = Guid.NewGuid(), Name = "王保育", IdNumberCipher = protector.Encrypt(carerId), IdNumberHash = protector.Hash(carerId),
                IdNumberMasked = AuditMasking.IdNumber(carerId), Phone = "13700001111",
            };
            db.StaffPersons.Add(carerPerson);
            db.Staff.Add(new StaffMember
            {
                Id = carerA, InstitutionId = instA, PersonId = carerPerson.Id, ClassId = classAId, Name = "王保育", Role = StaffRole.Carer,
                CertificateNumber = "BY" + suffix, CertificateExpiresOn = new DateOnly(2030, 1, 1), HiredOn = new DateOnly(2024, 1, 1),
            });
            await db.SaveChangesAsync();
        });
        return world;
    }

    public Task<Guid> UserIdAsync(string userName) =>
        _factory.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    /// <summary>An HttpClient signed in as <paramref name="userName"/> with a bearer token.</summary>
    public async Task<HttpClient> ClientAsync(string userName)
    {
        var client = _factory.CreateClient();
        var token = await TokenAsync(client, userName, Password);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Every filing document kind (all that any institution needs, 食品经营许可 included) as a minimal PDF, uploaded as <paramref name="admin"/>.</summary>
    public static async Task UploadFilingDocumentsAsync(HttpClient admin, Guid institution)
    {
        foreach (var kind in new[] { "RegistrationCertificate", "PremisesProof", "FireSafety", "HealthEvaluation", "FoodLicence", "StaffQualifications" })
        {
            var response = await admin.PostAsync($"/api/v1/institutions/{institution}/filing/documents", FilingDocumentForm(kind, kind + ".pdf", MinimalPdf(kind)));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"upload {kind}: {(int)response.StatusCode} {body}");
        }
    }

    /// <summary>A minimal valid PDF naming <paramref name="line"/>.</summary>
    public static byte[] MinimalPdf(string line = "test") => Tuoyu.Web.Modules.Demo.DemoPdf.Create("Tuoyu test document", line);

    /// <summary>The multipart body of a filing document upload.</summary>
    public static MultipartFormDataContent FilingDocumentForm(string? kind, string fileName, byte[] bytes, string contentType = "application/pdf")
    {
        var form = new MultipartFormDataContent();
        if (kind is not null) { form.Add(new StringContent(kind), "kind"); }
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return form;
    }

    public static async Task<string> TokenAsync(HttpClient client, string userName, string password, string? code = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password, twoFactorCode = code });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"sign-in as {userName} failed: {(int)response.StatusCode} {body}");
        using var doc = System.Text.Json.JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("accessToken").GetString()!;
    }
}
