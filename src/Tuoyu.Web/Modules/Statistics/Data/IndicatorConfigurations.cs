using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuoyu.Web.Modules.Statistics.Catalogue;
using Tuoyu.Web.Modules.Statistics.Domain;

namespace Tuoyu.Web.Modules.Statistics.Data;

internal sealed class IndicatorDefinitionConfiguration : IEntityTypeConfiguration<IndicatorDefinition>
{
    public void Configure(EntityTypeBuilder<IndicatorDefinition> b)
    {
        b.ToTable("indicator_definitions");
        b.HasKey(d => d.Code);
        b.Property(d => d.Code).HasMaxLength(IndicatorDefinition.CodeMaxLength);
        b.Property(d => d.Name).HasMaxLength(IndicatorDefinition.NameMaxLength);
        b.Property(d => d.Numerator).HasMaxLength(64);
        b.Property(d => d.Denominator).HasMaxLength(64);
        b.Property(d => d.Factor).HasPrecision(18, 4);
        b.Property(d => d.Unit).HasMaxLength(10);
        b.Property(d => d.DefinitionNote).HasMaxLength(IndicatorDefinition.NoteMaxLength);
        b.Property(d => d.SeedClause).HasMaxLength(IndicatorDefinition.NoteMaxLength);
        // Seeded by the migration: idempotent by key, and a release changes a built-in row only through a new migration.
        b.HasData(IndicatorCatalogue.Definitions);
    }
}

internal sealed class IndicatorTargetConfiguration : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> b)
    {
        b.ToTable("indicator_targets");
        b.HasKey(t => new { t.RegionCode, t.IndicatorCode, t.Year });
        b.Property(t => t.RegionCode).HasMaxLength(12);
        b.Property(t => t.IndicatorCode).HasMaxLength(IndicatorDefinition.CodeMaxLength);
        b.Property(t => t.Value).HasPrecision(18, 4);
        b.Property(t => t.BaselineValue).HasPrecision(18, 4);
        b.Property(t => t.Source).HasMaxLength(IndicatorTarget.SourceMaxLength);
        b.HasIndex(t => t.IndicatorCode);
        b.HasOne<IndicatorDefinition>().WithMany().HasForeignKey(t => t.IndicatorCode).OnDelete(DeleteBehavior.Restrict);
        b.HasData(IndicatorCatalogue.Targets);
    }
}
