using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Auditing;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Identity.Domain;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Staff.Domain;
using Tuoyu.Web.Modules.Statistics.Domain;
using Tuoyu.Web.Modules.Supervision.Domain;

namespace Tuoyu.Web.Common.Data;

/// <summary>
/// The one context. Provider subclasses (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>)
/// exist only so each provider has its own generated migration set.
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<ChildcareClass> Classes => Set<ChildcareClass>();
    public DbSet<FilingEvent> FilingEvents => Set<FilingEvent>();
    public DbSet<InstitutionChain> Chains => Set<InstitutionChain>();
    public DbSet<Designation> Designations => Set<Designation>();
    public DbSet<InstitutionFee> Fees => Set<InstitutionFee>();
    public DbSet<FeeGuideline> FeeGuidelines => Set<FeeGuideline>();
    public DbSet<FilingDocument> FilingDocuments => Set<FilingDocument>();
    public DbSet<FilingDocumentContent> FilingDocumentContents => Set<FilingDocumentContent>();
    public DbSet<MedicalInstitution> MedicalInstitutions => Set<MedicalInstitution>();
    public DbSet<MedicalAgreement> MedicalAgreements => Set<MedicalAgreement>();
    public DbSet<Child> Children => Set<Child>();
    public DbSet<Guardian> Guardians => Set<Guardian>();
    public DbSet<ChildEnrollment> Enrollments => Set<ChildEnrollment>();
    public DbSet<EnrollmentPause> EnrollmentPauses => Set<EnrollmentPause>();
    public DbSet<EnrollmentEvent> EnrollmentEvents => Set<EnrollmentEvent>();
    public DbSet<PickupPerson> PickupPersons => Set<PickupPerson>();
    public DbSet<ChildcareApplication> Applications => Set<ChildcareApplication>();
    public DbSet<AttendanceDay> Attendance => Set<AttendanceDay>();
    public DbSet<AttendanceCorrection> AttendanceCorrections => Set<AttendanceCorrection>();
    public DbSet<DailyNote> DailyNotes => Set<DailyNote>();
    public DbSet<Photo> Photos => Set<Photo>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<MessageRead> MessageReads => Set<MessageRead>();
    public DbSet<MonthClose> MonthCloses => Set<MonthClose>();
    public DbSet<MonthlyAttendance> MonthlyAttendance => Set<MonthlyAttendance>();
    public DbSet<StaffMember> Staff => Set<StaffMember>();
    public DbSet<StaffAttendanceDay> StaffAttendance => Set<StaffAttendanceDay>();
    public DbSet<RegionStatistic> RegionStatistics => Set<RegionStatistic>();
    public DbSet<StaffPerson> StaffPersons => Set<StaffPerson>();
    public DbSet<StaffCertificate> StaffCertificates => Set<StaffCertificate>();
    public DbSet<StaffTrainingYear> StaffTrainingYears => Set<StaffTrainingYear>();
    public DbSet<StaffPostException> StaffPostExceptions => Set<StaffPostException>();
    public DbSet<StaffBan> StaffBans => Set<StaffBan>();
    public DbSet<Inspector> Inspectors => Set<Inspector>();
    public DbSet<InspectionPlan> InspectionPlans => Set<InspectionPlan>();
    public DbSet<InspectionPlanInspector> InspectionPlanInspectors => Set<InspectionPlanInspector>();
    public DbSet<InspectionPlanRisk> InspectionPlanRisks => Set<InspectionPlanRisk>();
    public DbSet<InspectionDraw> InspectionDraws => Set<InspectionDraw>();
    public DbSet<InspectionDrawPick> InspectionDrawPicks => Set<InspectionDrawPick>();
    public DbSet<Modules.Subsidies.Domain.SubsidyRule> SubsidyRules => Set<Modules.Subsidies.Domain.SubsidyRule>();
    public DbSet<Modules.Subsidies.Domain.SubsidyRuleVersion> SubsidyRuleVersions => Set<Modules.Subsidies.Domain.SubsidyRuleVersion>();
    public DbSet<Modules.Subsidies.Domain.SubsidyBatch> SubsidyBatches => Set<Modules.Subsidies.Domain.SubsidyBatch>();
    public DbSet<Modules.Subsidies.Domain.SubsidyBatchLine> SubsidyBatchLines => Set<Modules.Subsidies.Domain.SubsidyBatchLine>();
    public DbSet<Modules.Subsidies.Domain.SubsidyPayment> SubsidyPayments => Set<Modules.Subsidies.Domain.SubsidyPayment>();
    public DbSet<Modules.Subsidies.Domain.SubsidyIdempotencyKey> SubsidyIdempotencyKeys => Set<Modules.Subsidies.Domain.SubsidyIdempotencyKey>();
    public DbSet<IndicatorDefinition> IndicatorDefinitions => Set<IndicatorDefinition>();
    public DbSet<IndicatorTarget> IndicatorTargets => Set<IndicatorTarget>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<Common.Time.YearMonth>().HaveConversion<YearMonthConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>().ToTable("identity_users");
        builder.Entity<IdentityRole<Guid>>().ToTable("identity_roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("identity_user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("identity_user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("identity_user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("identity_user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("identity_role_claims");

        // Each module keeps its table mappings in its own Data/ folder.
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)))
        {
            builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
            }
        }
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
