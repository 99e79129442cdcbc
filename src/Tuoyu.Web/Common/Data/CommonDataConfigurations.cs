using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuoyu.Web.Common.Auditing;
using Tuoyu.Web.Common.Regions;

namespace Tuoyu.Web.Common.Data;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.ToTable("regions");
        b.HasKey(r => r.Code);
        b.Property(r => r.Code).HasMaxLength(12);
        b.Property(r => r.ParentCode).HasMaxLength(12);
        b.Property(r => r.Name).HasMaxLength(100);
        b.HasIndex(r => r.ParentCode);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.HasKey(a => a.Id);
        b.Property(a => a.UserName).HasMaxLength(100);
        b.Property(a => a.Action).HasMaxLength(50);
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityId).HasMaxLength(100);
        b.Property(a => a.Outcome).HasMaxLength(20);
        b.Property(a => a.ClientIp).HasMaxLength(64);
        b.Property(a => a.PrevHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        b.HasIndex(a => a.At);
        b.HasIndex(a => a.ChainIndex).IsUnique();
        b.HasIndex(a => new { a.EntityType, a.EntityId });
        b.HasIndex(a => a.UserId);
        // The sealer's queue: the entries not yet in the hash chain, in order (ADR 0025, 0031). Partial, so it stays
        // as small as the backlog instead of the whole log; both engines use it for WHERE "Hash" IS NULL ORDER BY Id.
        b.HasIndex(a => a.Id, "IX_audit_entries_unsealed").HasFilter("\"Hash\" IS NULL");
    }
}
