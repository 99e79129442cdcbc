using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuoyu.Web.Modules.Supervision.Domain;

namespace Tuoyu.Web.Modules.Supervision.Data;

internal sealed class InspectorConfiguration : IEntityTypeConfiguration<Inspector>
{
    public void Configure(EntityTypeBuilder<Inspector> b)
    {
        b.ToTable("supervision_inspectors");
        b.HasKey(i => i.Id);
        b.Property(i => i.Code).HasMaxLength(40);
        b.Property(i => i.Name).HasMaxLength(50);
        b.Property(i => i.HomeStreetCode).HasMaxLength(12);
        b.Property(i => i.RegionCode).HasMaxLength(12);
        b.HasIndex(i => i.Code).IsUnique();
        b.HasIndex(i => i.RegionCode);
    }
}

internal sealed class InspectionPlanConfiguration : IEntityTypeConfiguration<InspectionPlan>
{
    public void Configure(EntityTypeBuilder<InspectionPlan> b)
    {
        b.ToTable("supervision_plans");
        b.HasKey(p => p.Id);
        b.Property(p => p.RegionCode).HasMaxLength(12);
        b.Property(p => p.Name).HasMaxLength(100);
        b.Property(p => p.Kinds).HasMaxLength(200);
        b.Property(p => p.FilingStatuses).HasMaxLength(200);
        b.Property(p => p.PublicSeed).HasMaxLength(200);
        b.HasIndex(p => p.RegionCode);
    }
}

internal sealed class InspectionPlanInspectorConfiguration : IEntityTypeConfiguration<InspectionPlanInspector>
{
    public void Configure(EntityTypeBuilder<InspectionPlanInspector> b)
    {
        b.ToTable("supervision_plan_inspectors");
        b.HasKey(p => new { p.PlanId, p.InspectorId });
        b.HasOne<InspectionPlan>().WithMany().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Inspector>().WithMany().HasForeignKey(p => p.InspectorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectionPlanRiskConfiguration : IEntityTypeConfiguration<InspectionPlanRisk>
{
    public void Configure(EntityTypeBuilder<InspectionPlanRisk> b)
    {
        b.ToTable("supervision_plan_risks");
        b.HasKey(p => new { p.PlanId, p.InstitutionId });
        b.Property(p => p.RiskClass).HasMaxLength(1);
        b.HasOne<InspectionPlan>().WithMany().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectionDrawConfiguration : IEntityTypeConfiguration<InspectionDraw>
{
    public void Configure(EntityTypeBuilder<InspectionDraw> b)
    {
        b.ToTable("supervision_draws");
        b.HasKey(d => d.Id);
        b.Property(d => d.RegionCode).HasMaxLength(12);
        b.Property(d => d.Algorithm).HasMaxLength(40);
        b.Property(d => d.SeedHex).HasMaxLength(64);
        // One draw per plan, also under concurrent requests: the database refuses a second.
        b.HasIndex(d => d.PlanId).IsUnique();
        b.HasIndex(d => new { d.RegionCode, d.DrawnAt });
        b.HasOne<InspectionPlan>().WithMany().HasForeignKey(d => d.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectionDrawPickConfiguration : IEntityTypeConfiguration<InspectionDrawPick>
{
    public void Configure(EntityTypeBuilder<InspectionDrawPick> b)
    {
        b.ToTable("supervision_draw_picks");
        b.HasKey(p => p.Id);
        b.Property(p => p.RegionCode).HasMaxLength(12);
        b.HasIndex(p => p.DrawId);
        b.HasIndex(p => p.InstitutionId);
        b.HasOne<InspectionDraw>().WithMany().HasForeignKey(p => p.DrawId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Inspector>().WithMany().HasForeignKey(p => p.InspectorId).OnDelete(DeleteBehavior.Restrict);
    }
}
