using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tuoyu.Web.Common.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EnrollmentDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "ServiceType",
                table: "enrollment_enrollments",
                newName: "Service");

            migrationBuilder.AddColumn<Guid>(
                name: "ClassId",
                table: "staff_members",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EndReason",
                table: "enrollment_enrollments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PreviousEnrollmentId",
                table: "enrollment_enrollments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "enrollment_applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicantUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Service = table.Column<int>(type: "INTEGER", nullable: false),
                    StartMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OfferedClassId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OfferedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OfferExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EnrollmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enrollment_applications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enrollment_attendance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrollmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CheckInAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CheckInByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CheckInMethod = table.Column<int>(type: "INTEGER", nullable: true),
                    TemperatureTenths = table.Column<int>(type: "INTEGER", nullable: true),
                    HealthCheck = table.Column<int>(type: "INTEGER", nullable: false),
                    HealthNotes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CheckOutAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CheckOutByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PickedUpByKind = table.Column<int>(type: "INTEGER", nullable: true),
                    PickedUpById = table.Column<Guid>(type: "TEXT", nullable: true),
                    AbsenceReason = table.Column<int>(type: "INTEGER", nullable: true),
                    AbsenceSymptoms = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enrollment_attendance", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enrollment_attendance_corrections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AttendanceDayId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Before = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    After = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RequestedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enrollment_attendance_corrections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enrollment_daily_notes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Meals = table.Column<int>(type: "INTEGER", nullable: true),
                    NapMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    ToiletingTimes = table.Column<int>(type: "INTEGER", nullable: true),
                    Mood = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PhotoId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enrollment_daily_notes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enrollment_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrollmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    FromClassId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToClassId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ActorUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enrollment_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enrollment_message_reads",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enrollment_message_reads", x => new { x.MessageId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "enrollment_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SenderUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SenderSide = table.Column<int>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PhotoId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enrollment_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enrollment_month_closes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enrollment_month_closes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enrollment_monthly_attendance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    ClassType = table.Column<int>(type: "INTEGER", nullable: false),
                    Service = table.Column<int>(type: "INTEGER", nullable: false),
                    EnrolledDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AttendedDays = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enrollment_monthly_attendance", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enrollment_pauses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrollmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enrollment_pauses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enrollment_photos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enrollment_photos", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enrollment_pickup_persons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Relation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AuthorisedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorisedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enrollment_pickup_persons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "staff_attendance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CheckInAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CheckOutAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_attendance", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_enrollment_applications_ChildId_InstitutionId",
                table: "enrollment_applications",
                columns: new[] { "ChildId", "InstitutionId" },
                unique: true,
                filter: "\"Status\" IN (1, 2)");

            migrationBuilder.CreateIndex(
                name: "IX_enrollment_applications_InstitutionId_Status_SubmittedAt",
                table: "enrollment_applications",
                columns: new[] { "InstitutionId", "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_enrollment_attendance_ChildId_Date",
                table: "enrollment_attendance",
                columns: new[] { "ChildId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enrollment_attendance_ClassId_Date",
                table: "enrollment_attendance",
                columns: new[] { "ClassId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_enrollment_attendance_InstitutionId_Date",
                table: "enrollment_attendance",
                columns: new[] { "InstitutionId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_enrollment_attendance_corrections_AttendanceDayId",
                table: "enrollment_attendance_corrections",
                column: "AttendanceDayId");

            migrationBuilder.CreateIndex(
                name: "IX_enrollment_attendance_corrections_InstitutionId_Status",
                table: "enrollment_attendance_corrections",
                columns: new[] { "InstitutionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_enrollment_daily_notes_ChildId_Date",
                table: "enrollment_daily_notes",
                columns: new[] { "ChildId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enrollment_daily_notes_InstitutionId_Date",
                table: "enrollment_daily_notes",
                columns: new[] { "InstitutionId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_enrollment_events_ChildId_At",
                table: "enrollment_events",
                columns: new[] { "ChildId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_enrollment_events_EnrollmentId",
                table: "enrollment_events",
                column: "EnrollmentId");

            migrationBuilder.CreateIndex(
                name: "IX_enrollment_message_reads_UserId",
                table: "enrollment_message_reads",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_enrollment_messages_ChildId_SentAt",
                table: "enrollment_messages",
                columns: new[] { "ChildId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_enrollment_messages_ClassId_SentAt",
                table: "enrollment_messages",
                columns: new[] { "ClassId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_enrollment_messages_InstitutionId_SentAt",
                table: "enrollment_messages",
                columns: new[] { "InstitutionId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_enrollment_month_closes_InstitutionId_Month",
                table: "enrollment_month_closes",
                columns: new[] { "InstitutionId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enrollment_monthly_attendance_InstitutionId_ChildId_Month_ClassType_Service",
                table: "enrollment_monthly_attendance",
                columns: new[] { "InstitutionId", "ChildId", "Month", "ClassType", "Service" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enrollment_monthly_attendance_Month_InstitutionId",
                table: "enrollment_monthly_attendance",
                columns: new[] { "Month", "InstitutionId" });

            migrationBuilder.CreateIndex(
                name: "IX_enrollment_pauses_EnrollmentId",
                table: "enrollment_pauses",
                column: "EnrollmentId");

            migrationBuilder.CreateIndex(
                name: "IX_enrollment_photos_InstitutionId",
                table: "enrollment_photos",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_enrollment_pickup_persons_ChildId",
                table: "enrollment_pickup_persons",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_staff_attendance_InstitutionId_Date",
                table: "staff_attendance",
                columns: new[] { "InstitutionId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_staff_attendance_StaffMemberId_Date",
                table: "staff_attendance",
                columns: new[] { "StaffMemberId", "Date" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enrollment_applications");

            migrationBuilder.DropTable(
                name: "enrollment_attendance");

            migrationBuilder.DropTable(
                name: "enrollment_attendance_corrections");

            migrationBuilder.DropTable(
                name: "enrollment_daily_notes");

            migrationBuilder.DropTable(
                name: "enrollment_events");

            migrationBuilder.DropTable(
                name: "enrollment_message_reads");

            migrationBuilder.DropTable(
                name: "enrollment_messages");

            migrationBuilder.DropTable(
                name: "enrollment_month_closes");

            migrationBuilder.DropTable(
                name: "enrollment_monthly_attendance");

            migrationBuilder.DropTable(
                name: "enrollment_pauses");

            migrationBuilder.DropTable(
                name: "enrollment_photos");

            migrationBuilder.DropTable(
                name: "enrollment_pickup_persons");

            migrationBuilder.DropTable(
                name: "staff_attendance");

            migrationBuilder.DropColumn(
                name: "ClassId",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "EndReason",
                table: "enrollment_enrollments");

            migrationBuilder.DropColumn(
                name: "PreviousEnrollmentId",
                table: "enrollment_enrollments");

            migrationBuilder.RenameColumn(
                name: "Service",
                table: "enrollment_enrollments",
                newName: "ServiceType");
        }
    }
}
