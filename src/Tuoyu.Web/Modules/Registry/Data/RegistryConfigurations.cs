using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

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
        b.Property(i => i.OpeningHours).HasMaxLength(100);
        b.Property(i => i.Insurer).HasMaxLength(100);
        b.Property(i => i.EmployerName).HasMaxLength(100);
        b.Property(i => i.KindergartenName).HasMaxLength(100);
        b.HasIndex(i => i.CreditCode).IsUnique();
        b.HasIndex(i => i.RegionCode);
        b.HasIndex(i => new { i.FilingStatus, i.RegionCode });
        // The public distance search's bounding box (ADR 0020).
        b.HasIndex(i => new { i.FilingStatus, i.Latitude, i.Longitude });
        b.HasIndex(i => i.ChainId);
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

internal sealed class InstitutionChainConfiguration : IEntityTypeConfiguration<InstitutionChain>
{
    public void Configure(EntityTypeBuilder<InstitutionChain> b)
    {
        b.ToTable("registry_chains");
        b.HasKey(c => c.Id);
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.CreditCode).HasMaxLength(18);
        b.HasIndex(c => c.Name).IsUnique();
    }
}

internal sealed class DesignationConfiguration : IEntityTypeConfiguration<Designation>
{
    public void Configure(EntityTypeBuilder<Designation> b)
    {
        b.ToTable("registry_designations");
        b.HasKey(d => d.Id);
        b.Property(d => d.Level).HasMaxLength(20);
        b.Property(d => d.Basis).HasMaxLength(Designation.BasisMaxLength);
        b.Property(d => d.GrantedByUserName).HasMaxLength(256);
        b.Property(d => d.GrantedByRegionCode).HasMaxLength(12);
        b.Property(d => d.WithdrawnByUserName).HasMaxLength(256);
        b.Property(d => d.WithdrawReason).HasMaxLength(Designation.ReasonMaxLength);
        b.HasIndex(d => new { d.InstitutionId, d.Kind });
    }
}

internal sealed class InstitutionFeeConfiguration : IEntityTypeConfiguration<InstitutionFee>
{
    public void Configure(EntityTypeBuilder<InstitutionFee> b)
    {
        b.ToTable("registry_fees");
        b.HasKey(f => f.Id);
        b.HasIndex(f => new { f.InstitutionId, f.ClassType, f.Service }).IsUnique();
    }
}

internal sealed class FeeGuidelineConfiguration : IEntityTypeConfiguration<FeeGuideline>
{
    public void Configure(EntityTypeBuilder<FeeGuideline> b)
    {
        b.ToTable("registry_fee_guidelines");
        b.HasKey(g => g.Id);
        b.Property(g => g.RegionCode).HasMaxLength(12);
        b.Property(g => g.Basis).HasMaxLength(FeeGuideline.BasisMaxLength);
        b.Property(g => g.SetByUserName).HasMaxLength(256);
        b.HasIndex(g => new { g.RegionCode, g.Service });
    }
}

internal sealed class FilingDocumentConfiguration : IEntityTypeConfiguration<FilingDocument>
{
    public void Configure(EntityTypeBuilder<FilingDocument> b)
    {
        b.ToTable("registry_filing_documents");
        b.HasKey(d => d.Id);
        b.Property(d => d.FileName).HasMaxLength(FilingDocument.FileNameMaxLength);
        b.Property(d => d.ContentType).HasMaxLength(50);
        b.Property(d => d.Sha256).HasMaxLength(64);
        b.Property(d => d.UploadedByUserName).HasMaxLength(256);
        b.HasIndex(d => new { d.InstitutionId, d.Kind });
    }
}

internal sealed class FilingDocumentContentConfiguration : IEntityTypeConfiguration<FilingDocumentContent>
{
    public void Configure(EntityTypeBuilder<FilingDocumentContent> b)
    {
        b.ToTable("registry_filing_document_contents");
        b.HasKey(c => c.DocumentId);
    }
}
