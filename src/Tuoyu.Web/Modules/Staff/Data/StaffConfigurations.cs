using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuoyu.Web.Modules.Staff.Domain;

namespace Tuoyu.Web.Modules.Staff.Data;

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> b)
    {
        b.ToTable("staff_members");
        b.HasKey(s => s.Id);
        b.Property(s => s.Name).HasMaxLength(50);
        b.Property(s => s.CertificateNumber).HasMaxLength(50);
        b.HasIndex(s => s.InstitutionId);
        b.HasOne<StaffPerson>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.PersonId);
    }
}

internal sealed class StaffAttendanceDayConfiguration : IEntityTypeConfiguration<StaffAttendanceDay>
{
    public void Configure(EntityTypeBuilder<StaffAttendanceDay> b)
    {
        b.ToTable("staff_attendance");
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.StaffMemberId, a.Date }).IsUnique();
        b.HasIndex(a => new { a.InstitutionId, a.Date });
    }
}

internal sealed class StaffPersonConfiguration : IEntityTypeConfiguration<StaffPerson>
{
    public void Configure(EntityTypeBuilder<StaffPerson> b)
    {
        b.ToTable("staff_persons");
        b.HasKey(p => p.Id);
        b.Property(p => p.Name).HasMaxLength(50);
        b.Property(p => p.IdNumberCipher).HasMaxLength(200);
        b.Property(p => p.IdNumberHash).HasMaxLength(64);
        b.Property(p => p.IdNumberMasked).HasMaxLength(30);
        b.Property(p => p.Phone).HasMaxLength(20);
        b.HasIndex(p => p.IdNumberHash).IsUnique();
    }
}

internal sealed class StaffCertificateConfiguration : IEntityTypeConfiguration<StaffCertificate>
{
    public void Configure(EntityTypeBuilder<StaffCertificate> b)
    {
        b.ToTable("staff_certificates");
        b.HasKey(c => c.Id);
        b.Property(c => c.Kind).HasMaxLength(50);
        b.Property(c => c.NumberCipher).HasMaxLength(200);
        b.Property(c => c.NumberMasked).HasMaxLength(50);
        b.Property(c => c.Issuer).HasMaxLength(100);
        b.HasOne<StaffPerson>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.PersonId, c.ExpiresOn });
    }
}

internal sealed class StaffTrainingYearConfiguration : IEntityTypeConfiguration<StaffTrainingYear>
{
    public void Configure(EntityTypeBuilder<StaffTrainingYear> b)
    {
        b.ToTable("staff_training_years");
        b.HasKey(t => t.Id);
        b.HasOne<StaffPerson>().WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.PersonId, t.Year }).IsUnique();
    }
}

internal sealed class StaffPostExceptionConfiguration : IEntityTypeConfiguration<StaffPostException>
{
    public void Configure(EntityTypeBuilder<StaffPostException> b)
    {
        b.ToTable("staff_post_exceptions");
        b.HasKey(e => e.Id);
        b.Property(e => e.Reason).HasMaxLength(500);
        b.HasOne<StaffPerson>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.PersonId, e.InstitutionId });
    }
}

internal sealed class StaffBanConfiguration : IEntityTypeConfiguration<StaffBan>
{
    public void Configure(EntityTypeBuilder<StaffBan> b)
    {
        b.ToTable("staff_bans");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.IdNumberHash).HasMaxLength(64);
        b.Property(x => x.IdNumberMasked).HasMaxLength(30);
        b.Property(x => x.DecisionReference).HasMaxLength(100);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.HasIndex(x => x.IdNumberHash).IsUnique();
    }
}
