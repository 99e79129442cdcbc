using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuoyu.Web.Modules.Enrollment.Domain;

namespace Tuoyu.Web.Modules.Enrollment.Data;

internal sealed class ChildConfiguration : IEntityTypeConfiguration<Child>
{
    public void Configure(EntityTypeBuilder<Child> b)
    {
        b.ToTable("enrollment_children");
        b.HasKey(c => c.Id);
        b.Property(c => c.Name).HasMaxLength(50);
        b.Property(c => c.IdNumberCipher).HasMaxLength(200);
        b.Property(c => c.IdNumberHash).HasMaxLength(64);
        b.Property(c => c.IdNumberMasked).HasMaxLength(30);
        b.Property(c => c.HukouRegionCode).HasMaxLength(12);
        b.Property(c => c.Allergies).HasMaxLength(500);
        b.Property(c => c.HealthNotes).HasMaxLength(1000);
        b.HasIndex(c => c.IdNumberHash).IsUnique();
    }
}

internal sealed class GuardianConfiguration : IEntityTypeConfiguration<Guardian>
{
    public void Configure(EntityTypeBuilder<Guardian> b)
    {
        b.ToTable("enrollment_guardians");
        b.HasKey(g => g.Id);
        b.Property(g => g.Name).HasMaxLength(50);
        b.Property(g => g.Relation).HasMaxLength(20);
        b.Property(g => g.Phone).HasMaxLength(30);
        b.HasIndex(g => g.ChildId);
        b.HasIndex(g => g.UserId);
    }
}

internal sealed class ChildEnrollmentConfiguration : IEntityTypeConfiguration<ChildEnrollment>
{
    public void Configure(EntityTypeBuilder<ChildEnrollment> b)
    {
        b.ToTable("enrollment_enrollments");
        b.HasKey(e => e.Id);
        b.HasIndex(e => new { e.InstitutionId, e.EndDate });
        b.HasIndex(e => e.ChildId);
        b.HasIndex(e => e.ClassId);
    }
}
