using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuoyu.Web.Modules.Statistics.Domain;

namespace Tuoyu.Web.Modules.Statistics.Data;

internal sealed class RegionStatisticConfiguration : IEntityTypeConfiguration<RegionStatistic>
{
    public void Configure(EntityTypeBuilder<RegionStatistic> b)
    {
        b.ToTable("statistics_region_statistics");
        b.HasKey(s => new { s.RegionCode, s.Year });
        b.Property(s => s.RegionCode).HasMaxLength(12);
        b.Property(s => s.Source).HasMaxLength(200);
    }
}
