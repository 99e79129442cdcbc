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
