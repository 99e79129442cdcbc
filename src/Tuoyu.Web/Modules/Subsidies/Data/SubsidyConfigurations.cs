using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuoyu.Web.Modules.Subsidies.Domain;

namespace Tuoyu.Web.Modules.Subsidies.Data;

internal sealed class SubsidyRuleConfiguration : IEntityTypeConfiguration<SubsidyRule>
{
    public void Configure(EntityTypeBuilder<SubsidyRule> b)
    {
        b.ToTable("subsidy_rules");
        b.HasKey(r => r.Id);
        b.Property(r => r.Code).HasMaxLength(SubsidyRule.CodeMaxLength);
        b.Property(r => r.Name).HasMaxLength(SubsidyRule.NameMaxLength);
        b.Property(r => r.JurisdictionRegionCode).HasMaxLength(12);
        b.HasIndex(r => r.Code).IsUnique();
        b.HasIndex(r => r.JurisdictionRegionCode);
        b.HasData(PreloadedRules.Rules);
    }
}

internal sealed class SubsidyRuleVersionConfiguration : IEntityTypeConfiguration<SubsidyRuleVersion>
{
    public void Configure(EntityTypeBuilder<SubsidyRuleVersion> b)
    {
        b.ToTable("subsidy_rule_versions");
        b.HasKey(v => v.Id);
        b.Property(v => v.SourceDocument).HasMaxLength(SubsidyRuleVersion.SourceMaxLength);
        b.Property(v => v.SourceClause).HasMaxLength(SubsidyRuleVersion.ClauseMaxLength);
        b.HasIndex(v => new { v.RuleId, v.Number }).IsUnique();
        b.HasOne<SubsidyRule>().WithMany().HasForeignKey(v => v.RuleId).OnDelete(DeleteBehavior.Restrict);
        b.HasData(PreloadedRules.Versions);
    }
}

internal sealed class SubsidyBatchConfiguration : IEntityTypeConfiguration<SubsidyBatch>
{
    public void Configure(EntityTypeBuilder<SubsidyBatch> b)
    {
        b.ToTable("subsidy_batches");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.OpenKey).HasMaxLength(40);
        b.Property(x => x.RuleVersionIds).HasMaxLength(2000);
        b.Property(x => x.CreatedByUserName).HasMaxLength(256);
        b.Property(x => x.SubmittedByUserName).HasMaxLength(256);
        b.Property(x => x.ApprovedByUserName).HasMaxLength(256);
        b.Property(x => x.Reason).HasMaxLength(SubsidyBatch.ReasonMaxLength);
        // One open (not cancelled) batch per region and month: NULLs do not collide on either database.
        b.HasIndex(x => x.OpenKey).IsUnique();
        b.HasIndex(x => new { x.RegionCode, x.Month });
    }
}

internal sealed class SubsidyBatchLineConfiguration : IEntityTypeConfiguration<SubsidyBatchLine>
{
    public void Configure(EntityTypeBuilder<SubsidyBatchLine> b)
    {
        b.ToTable("subsidy_batch_lines");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.BatchId, x.ChildId, x.InstitutionId, x.RuleId }).IsUnique();
        b.HasIndex(x => new { x.BatchId, x.InstitutionId });
        b.HasIndex(x => new { x.InstitutionId, x.Month });
        b.HasOne<SubsidyBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SubsidyPaymentConfiguration : IEntityTypeConfiguration<SubsidyPayment>
{
    public void Configure(EntityTypeBuilder<SubsidyPayment> b)
    {
        b.ToTable("subsidy_payments");
        b.HasKey(x => x.Id);
        // Never twice: one approved payment per child, rule and month, whatever the batch (ADR 0028).
        b.HasIndex(x => new { x.ChildId, x.RuleId, x.Month }).IsUnique();
        b.HasIndex(x => x.BatchId);
    }
}

internal sealed class SubsidyIdempotencyKeyConfiguration : IEntityTypeConfiguration<SubsidyIdempotencyKey>
{
    public void Configure(EntityTypeBuilder<SubsidyIdempotencyKey> b)
    {
        b.ToTable("subsidy_idempotency_keys");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(SubsidyIdempotencyKey.KeyMaxLength + 40);
        b.Property(x => x.RequestHash).HasMaxLength(64);
    }
}
