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

internal sealed class EnrollmentPauseConfiguration : IEntityTypeConfiguration<EnrollmentPause>
{
    public void Configure(EntityTypeBuilder<EnrollmentPause> b)
    {
        b.ToTable("enrollment_pauses");
        b.HasKey(p => p.Id);
        b.Property(p => p.Reason).HasMaxLength(EnrollmentPause.ReasonMaxLength);
        b.HasIndex(p => p.EnrollmentId);
    }
}

internal sealed class EnrollmentEventConfiguration : IEntityTypeConfiguration<EnrollmentEvent>
{
    public void Configure(EntityTypeBuilder<EnrollmentEvent> b)
    {
        b.ToTable("enrollment_events");
        b.HasKey(e => e.Id);
        b.Property(e => e.Reason).HasMaxLength(EnrollmentEvent.ReasonMaxLength);
        b.HasIndex(e => new { e.ChildId, e.At });
        b.HasIndex(e => e.EnrollmentId);
    }
}

internal sealed class PickupPersonConfiguration : IEntityTypeConfiguration<PickupPerson>
{
    public void Configure(EntityTypeBuilder<PickupPerson> b)
    {
        b.ToTable("enrollment_pickup_persons");
        b.HasKey(p => p.Id);
        b.Property(p => p.Name).HasMaxLength(50);
        b.Property(p => p.Relation).HasMaxLength(20);
        b.Property(p => p.Phone).HasMaxLength(30);
        b.HasIndex(p => p.ChildId);
    }
}

internal sealed class ChildcareApplicationConfiguration : IEntityTypeConfiguration<ChildcareApplication>
{
    public void Configure(EntityTypeBuilder<ChildcareApplication> b)
    {
        b.ToTable("enrollment_applications");
        b.HasKey(a => a.Id);
        b.Property(a => a.Note).HasMaxLength(ChildcareApplication.NoteMaxLength);
        // At most one open (waiting or offered) application per child and institution, even under concurrent requests.
        b.HasIndex(a => new { a.ChildId, a.InstitutionId }).IsUnique().HasFilter("\"Status\" IN (1, 2)");
        b.HasIndex(a => new { a.InstitutionId, a.Status, a.SubmittedAt });
    }
}

internal sealed class AttendanceDayConfiguration : IEntityTypeConfiguration<AttendanceDay>
{
    public void Configure(EntityTypeBuilder<AttendanceDay> b)
    {
        b.ToTable("enrollment_attendance");
        b.HasKey(a => a.Id);
        b.Property(a => a.HealthNotes).HasMaxLength(AttendanceDay.NoteMaxLength);
        // One row per child and day: a repeated check-in finds the row and changes nothing.
        b.HasIndex(a => new { a.ChildId, a.Date }).IsUnique();
        b.HasIndex(a => new { a.ClassId, a.Date });
        b.HasIndex(a => new { a.InstitutionId, a.Date });
    }
}

internal sealed class AttendanceCorrectionConfiguration : IEntityTypeConfiguration<AttendanceCorrection>
{
    public void Configure(EntityTypeBuilder<AttendanceCorrection> b)
    {
        b.ToTable("enrollment_attendance_corrections");
        b.HasKey(c => c.Id);
        b.Property(c => c.Before).HasMaxLength(2000);
        b.Property(c => c.After).HasMaxLength(2000);
        b.Property(c => c.Reason).HasMaxLength(AttendanceCorrection.ReasonMaxLength);
        b.Property(c => c.DecisionNote).HasMaxLength(AttendanceCorrection.ReasonMaxLength);
        b.HasIndex(c => c.AttendanceDayId);
        b.HasIndex(c => new { c.InstitutionId, c.Status });
    }
}

internal sealed class DailyNoteConfiguration : IEntityTypeConfiguration<DailyNote>
{
    public void Configure(EntityTypeBuilder<DailyNote> b)
    {
        b.ToTable("enrollment_daily_notes");
        b.HasKey(n => n.Id);
        b.Property(n => n.Text).HasMaxLength(DailyNote.TextMaxLength);
        b.HasIndex(n => new { n.ChildId, n.Date }).IsUnique();
        b.HasIndex(n => new { n.InstitutionId, n.Date });
    }
}

internal sealed class PhotoConfiguration : IEntityTypeConfiguration<Photo>
{
    public void Configure(EntityTypeBuilder<Photo> b)
    {
        b.ToTable("enrollment_photos");
        b.HasKey(p => p.Id);
        b.Property(p => p.ContentType).HasMaxLength(50);
        b.Property(p => p.Sha256).HasMaxLength(64);
        b.HasIndex(p => p.InstitutionId);
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.ToTable("enrollment_messages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Body).HasMaxLength(Message.BodyMaxLength);
        b.HasIndex(m => new { m.ChildId, m.SentAt });
        b.HasIndex(m => new { m.ClassId, m.SentAt });
        b.HasIndex(m => new { m.InstitutionId, m.SentAt });
    }
}

internal sealed class MessageReadConfiguration : IEntityTypeConfiguration<MessageRead>
{
    public void Configure(EntityTypeBuilder<MessageRead> b)
    {
        b.ToTable("enrollment_message_reads");
        b.HasKey(r => new { r.MessageId, r.UserId });
        b.HasIndex(r => r.UserId);
    }
}

internal sealed class MonthCloseConfiguration : IEntityTypeConfiguration<MonthClose>
{
    public void Configure(EntityTypeBuilder<MonthClose> b)
    {
        b.ToTable("enrollment_month_closes");
        b.HasKey(m => m.Id);
        b.HasIndex(m => new { m.InstitutionId, m.Month }).IsUnique();
    }
}

internal sealed class MonthlyAttendanceConfiguration : IEntityTypeConfiguration<MonthlyAttendance>
{
    public void Configure(EntityTypeBuilder<MonthlyAttendance> b)
    {
        b.ToTable("enrollment_monthly_attendance");
        b.HasKey(m => m.Id);
        b.HasIndex(m => new { m.InstitutionId, m.ChildId, m.Month, m.ClassType, m.Service }).IsUnique();
        b.HasIndex(m => new { m.Month, m.InstitutionId });
        // Subsidies (ADR 0028): a child's rows of a month at every institution (moved children are paid once).
        b.HasIndex(m => new { m.ChildId, m.Month });
    }
}
