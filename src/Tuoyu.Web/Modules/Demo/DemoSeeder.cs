using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Auditing;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Seeding;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Identity.Domain;
using Tuoyu.Web.Modules.Registry.Domain;

namespace Tuoyu.Web.Modules.Demo;

/// <summary>
/// Builds the demo city (长沙市) — or a province or the whole country for benchmarks — on an empty
/// database, with the demo accounts. The world generator is the only code allowed to reach into every
/// module's Domain (ADR 0009): it writes a whole world, as a data import would.
/// </summary>
internal sealed class DemoSeeder(AppDbContext db, SensitiveDataProtector protector, IPasswordHasher<AppUser> hasher, TimeProvider clock, AuditLog audit, ILogger<DemoSeeder> logger)
{
    public const int Seed = 20250501;

    public static readonly (string UserName, string Role)[] AccountList =
    [
        ("changsha", "长沙市卫健委（市级监管，430100000000）"),
        ("furong", "芙蓉区卫健局（区级监管，430102000000）"),
        ("yuelu", "岳麓区卫健局（区级监管，430104000000）"),
        ("inst0001", "芙蓉区某托育机构负责人"),
        ("inst0002", "岳麓区某托育机构负责人"),
        ("carer0001", "芙蓉区该机构的保育人员（考勤、晨检、成长记录）"),
        ("parent0001", "在芙蓉区该机构入托儿童的家长"),
        ("parent0002", "在岳麓区该机构入托儿童的家长"),
        ("med0001", "芙蓉区妇幼保健院（签约医疗机构）"),
        ("sysadmin", "系统管理员"),
        ("secadmin", "安全管理员"),
        ("auditor", "审计管理员"),
    ];

    public async Task SeedIfEmptyAsync(DemoScale scale, string password, CancellationToken ct = default)
    {
        if (await db.Institutions.AnyAsync(ct)) { return; }
        var watch = Stopwatch.StartNew();
        var root = scale switch { DemoScale.City => "430100000000", DemoScale.Province => "430000000000", _ => null };
        var prefix = root is null ? string.Empty : RegionCode.PrefixOf(root);
        var regions = await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(prefix)).ToListAsync(ct);
        var streets = regions.Where(r => r.Level == RegionLevel.Street).OrderBy(r => r.Code).ToList();
        var counties = regions.Where(r => r.Level == RegionLevel.County).ToDictionary(r => r.Code);
        // Townships of cities without counties (东莞, 中山, 儋州) hang directly below the city.
        foreach (var city in regions.Where(r => r.Level == RegionLevel.City && streets.Any(s => s.ParentCode == r.Code)))
        {
            counties[city.Code[..6] + "000000"] = city;
        }

        var names = regions.ToDictionary(r => r.Code, r => r.Name);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var world = DemoWorld.Generate(streets, counties, names, Seed, today);
        var chains = DemoMasterData.Fill(world.Institutions, today);
        DemoDesignationsAndFees.FillServices(world);

        var children = world.Children.Select(c =>
        {
            return new Child
            {
                Id = c.Id, Name = c.Name, BirthDate = c.BirthDate, Sex = c.Sex, HukouLocal = c.HukouLocal, HukouRegionCode = c.HukouRegionCode,
                BirthOrder = c.BirthOrder, Allergies = c.Allergies,
                IdNumberCipher = protector.Encrypt(c.IdNumber), IdNumberHash = protector.Hash(c.IdNumber), IdNumberMasked = AuditMasking.IdNumber(c.IdNumber),
            };
        }).ToList();

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await BulkInsert.InsertAsync(db, world.MedicalInstitutions, ct);
            await BulkInsert.InsertAsync(db, chains, ct);
            await BulkInsert.InsertAsync(db, world.Institutions, ct);
            await BulkInsert.InsertAsync(db, world.Agreements, ct);
            await BulkInsert.InsertAsync(db, world.Classes, ct);
            await BulkInsert.InsertAsync(db, children, ct);
            await BulkInsert.InsertAsync(db, world.Guardians, ct);
            await BulkInsert.InsertAsync(db, world.Enrollments, ct);
            await DemoStaff.InsertAsync(db, world, protector, today, ct);
            // Every scale contains 长沙市; only its published figures are loaded (others stay absent, never invented).
            await BulkInsert.InsertAsync(db, DemoStatistics.Changsha2021(), ct);

            await tx.CommitAsync(ct);
        }

        await CreateAccountsAsync(world, password, ct);
        await SeedFilingsAsync(world, names, ct);
        await DemoDesignationsAndFees.SeedAsync(db, world, today, ct);
        await DemoFamilies.SeedAsync(db, world, ct);
        await DemoApplications.SeedAsync(db, protector, world, ChinaTime.Today(clock), clock.GetUtcNow().UtcDateTime, ct);
        await DemoAttendance.SeedAsync(db, world, ChinaTime.Today(clock), ct);
        await DemoMessages.SeedAsync(db, clock.GetUtcNow().UtcDateTime, ct);
        await DemoSupervision.SeedAsync(db, protector, ChinaTime.Today(clock), ct);
        await DemoSubsidies.SeedAsync(db, ChinaTime.Today(clock), ct);
        var summary = System.Text.Json.JsonSerializer.Serialize(new
        {
            scale = scale.ToString(), institutions = world.Institutions.Count, classes = world.Classes.Count, children = children.Count,
            staff = world.Staff.Count, slots = world.Institutions.Sum(i => i.RegisteredSlots),
        }, AuditJson.Options);
        await audit.RecordAsync("seed", "DemoWorld", scale.ToString(), "success", summary, ct: ct);
        logger.LogInformation("Demo world ({Scale}) generated in {Elapsed}: {Summary}", scale, watch.Elapsed, summary);
    }

    private async Task CreateAccountsAsync(DemoWorld world, string password, CancellationToken ct)
    {
        var furongInstitution = FirstWithEnrolledChild(world, "430102");
        var yueluInstitution = FirstWithEnrolledChild(world, "430104");
        var furongMedical = world.MedicalInstitutions.First(m => m.RegionCode == "430102000000");
        if (!world.Agreements.Any(a => a.InstitutionId == furongInstitution.Id && a.MedicalInstitutionId == furongMedical.Id))
        {
            db.MedicalAgreements.Add(new MedicalAgreement { Id = Guid.NewGuid(), InstitutionId = furongInstitution.Id, MedicalInstitutionId = furongMedical.Id, SignedOn = furongInstitution.OpenedOn });
        }

        // Hashing is deliberately slow (PBKDF2); every demo account shares the one password, so hash once.
        var probe = new AppUser { DisplayName = "probe", UserName = "probe" };
        var hash = hasher.HashPassword(probe, password);
        AppUser Account(string userName, string displayName, UserKind kind, string? region = null, Guid? institution = null, Guid? medical = null) => new()
        {
            Id = Guid.NewGuid(), UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = displayName, Kind = kind,
            RegionCode = region, InstitutionId = institution, MedicalInstitutionId = medical, PasswordHash = hash,
            SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
        };

        var parent1 = Account("parent0001", "家长（芙蓉区）", UserKind.Parent);
        var parent2 = Account("parent0002", "家长（岳麓区）", UserKind.Parent);
        db.Users.AddRange(
            Account("changsha", "长沙市卫生健康委员会", UserKind.Regulator, region: "430100000000"),
            Account("furong", "芙蓉区卫生健康局", UserKind.Regulator, region: "430102000000"),
            Account("yuelu", "岳麓区卫生健康局", UserKind.Regulator, region: "430104000000"),
            Account("inst0001", furongInstitution.Name + "负责人", UserKind.InstitutionAdmin, institution: furongInstitution.Id),
            Account("inst0002", yueluInstitution.Name + "负责人", UserKind.InstitutionAdmin, institution: yueluInstitution.Id),
            Account("carer0001", furongInstitution.Name + "保育人员", UserKind.InstitutionStaff, institution: furongInstitution.Id),
            parent1,
            parent2,
            Account("med0001", furongMedical.Name, UserKind.Medical, medical: furongMedical.Id),
            Account("sysadmin", "系统管理员", UserKind.SystemAdmin),
            Account("secadmin", "安全管理员", UserKind.SecurityAdmin),
            Account("auditor", "审计管理员", UserKind.Auditor));
        await db.SaveChangesAsync(ct);
        await LinkParentAsync(world, furongInstitution.Id, parent1.Id, ct);
        await LinkParentAsync(world, yueluInstitution.Id, parent2.Id, ct);
    }

    /// <summary>Filing history and documents (ADR 0019), named after the demo accounts where they exist.</summary>
    private async Task SeedFilingsAsync(DemoWorld world, IReadOnlyDictionary<string, string> regionNames, CancellationToken ct)
    {
        var accounts = await db.Users.AsNoTracking().Where(u => u.UserName == "furong" || u.UserName == "yuelu" || u.UserName == "inst0001" || u.UserName == "inst0002")
            .Select(u => new { u.Id, u.UserName, u.RegionCode, u.InstitutionId }).ToListAsync(ct);
        var regulators = accounts.Where(a => a.RegionCode is not null).ToDictionary(a => a.RegionCode!, a => new DemoActor(a.Id, a.UserName!));
        var admins = accounts.Where(a => a.InstitutionId is not null).ToDictionary(a => a.InstitutionId!.Value, a => new DemoActor(a.Id, a.UserName!));
        static Guid Stable(string key) => new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key))[..16]);
        DemoActor RegulatorOf(Institution i)
        {
            var county = i.RegionCode[..6] + "000000";
            return regulators.TryGetValue(county, out var r) ? r
                : new DemoActor(Stable("demo-regulator-" + county), regionNames.GetValueOrDefault(county, county) + "卫生健康局");
        }

        DemoActor AdminOf(Institution i) => admins.TryGetValue(i.Id, out var a) ? a : new DemoActor(Stable("demo-admin-" + i.Id), i.Name + "负责人");
        var filings = DemoFilings.Generate(world.Institutions, clock.GetUtcNow().UtcDateTime, RegulatorOf, AdminOf);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await BulkInsert.InsertAsync(db, filings.Events, ct);
        await BulkInsert.InsertAsync(db, filings.Documents, ct);
        await BulkInsert.InsertAsync(db, filings.Contents, ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Demo filings: {Events} events, {Documents} documents", filings.Events.Count, filings.Documents.Count);
    }

    private async Task LinkParentAsync(DemoWorld world, Guid institutionId, Guid userId, CancellationToken ct)
    {
        var childId = world.Enrollments.First(e => e.InstitutionId == institutionId).ChildId;
        var guardianId = world.Guardians.First(g => g.ChildId == childId).Id;
        var guardian = await db.Guardians.FirstAsync(g => g.Id == guardianId, ct);
        guardian.UserId = userId;
        await db.SaveChangesAsync(ct);
    }

    private static Institution FirstWithEnrolledChild(DemoWorld world, string county6) =>
        world.Institutions.First(i => i.RegionCode.StartsWith(county6, StringComparison.Ordinal) && i.Kind == InstitutionKind.Standalone
            && world.Enrollments.Any(e => e.InstitutionId == i.Id));

    /// <summary>The generator leaves one audit record; its presence marks a demo database.</summary>
    public Task<bool> IsDemoDatabaseAsync(CancellationToken ct = default) =>
        db.AuditEntries.AnyAsync(a => a.Action == "seed" && a.EntityType == "DemoWorld", ct);

    public async Task PrintDemoAccountsAsync(string password, CancellationToken ct = default)
    {
        var names = AccountList.Select(a => a.UserName).ToList();
        var existing = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!)).Select(u => u.UserName!).ToListAsync(ct);
        if (existing.Count == 0) { return; }
        var lines = AccountList.Where(a => existing.Contains(a.UserName)).Select(a => $"  {a.UserName,-12} {a.Role}");
        var message = "演示账号（密码均为 " + password + "）：" + Environment.NewLine + string.Join(Environment.NewLine, lines);
        logger.LogWarning("{DemoAccounts}", message);
        Console.WriteLine(message);
    }
}
