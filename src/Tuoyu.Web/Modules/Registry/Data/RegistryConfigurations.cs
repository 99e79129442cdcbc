using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuoyu.Web.Modules.Registry.Domain;

namespace Tuoyu.Web.Modules.Registry.Data;

internal sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> b)
    {
        b.ToTable("registry_institutions");
        b.HasKey(i => i.Id);
        b.Property(i => i.Name).HasMaxLength(100);
        b.Property(i => i.CreditCode).HasMaxLength(18);
        b.Property(i => i.RegionCode).HasMaxLength(12);
        b.Property(i => i.Address).HasMaxLength(200);
        b.Property(i => i.ContactPhone).HasMaxLength(30);
        b.Property(i => i.Grade).HasMaxLength(20);
        b.HasIndex(i => i.CreditCode).IsUnique();
        b.HasIndex(i => i.RegionCode);
    }
}

internal sealed class ChildcareClassConfiguration : IEntityTypeConfiguration<ChildcareClass>
{
    public void Configure(EntityTypeBuilder<ChildcareClass> b)
    {
        b.ToTable("registry_classes");
        b.HasKey(c => c.Id);
        b.Property(c => c.Name).HasMaxLength(50);
        b.HasIndex(c => c.InstitutionId);
    }
}

internal sealed class MedicalInstitutionConfiguration : IEntityTypeConfiguration<MedicalInstitution>
{
    public void Configure(EntityTypeBuilder<MedicalInstitution> b)
    {
        b.ToTable("registry_medical_institutions");
        b.HasKey(m => m.Id);
        b.Property(m => m.Name).HasMaxLength(100);
        b.Property(m => m.RegionCode).HasMaxLength(12);
    }
}

internal sealed class MedicalAgreementConfiguration : IEntityTypeConfiguration<MedicalAgreement>
{
    public void Configure(EntityTypeBuilder<MedicalAgreement> b)
    {
        b.ToTable("registry_medical_agreements");
        b.HasKey(a => a.Id);
        b.HasIndex(a => a.MedicalInstitutionId);
        b.HasIndex(a => a.InstitutionId);
    }
}

internal sealed class FilingEventConfiguration : IEntityTypeConfiguration<FilingEvent>
{
    public void Configure(EntityTypeBuilder<FilingEvent> b)
    {
        b.ToTable("registry_filing_events");
        b.HasKey(e => e.Id);
        b.Property(e => e.ActorUserName).HasMaxLength(256);
        b.Property(e => e.Reason).HasMaxLength(FilingEvent.ReasonMaxLength);
        b.HasIndex(e => new { e.InstitutionId, e.At });
    }
}
