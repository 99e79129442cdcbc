using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Tuoyu.Web.Common.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddSubsidies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "subsidy_batches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    OpenKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    RuleVersionIds = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    LineCount = table.Column<int>(type: "integer", nullable: false),
                    TotalFen = table.Column<long>(type: "bigint", nullable: false),
                    ApprovedLineCount = table.Column<int>(type: "integer", nullable: true),
                    ApprovedTotalFen = table.Column<long>(type: "bigint", nullable: true),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedByUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubmittedByUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ApprovedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ApprovedByUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExportedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ExportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PaidByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    PaidAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelledByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subsidy_batches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "subsidy_idempotency_keys",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(240)", maxLength: 240, nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subsidy_idempotency_keys", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "subsidy_payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    RuleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineId = table.Column<Guid>(type: "uuid", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subsidy_payments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "subsidy_rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    JurisdictionRegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subsidy_rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "subsidy_batch_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    RuleId = table.Column<Guid>(type: "uuid", nullable: false),
                    RuleVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    ClassType = table.Column<int>(type: "integer", nullable: false),
                    InfantDays = table.Column<int>(type: "integer", nullable: false),
                    ToddlerDays = table.Column<int>(type: "integer", nullable: false),
                    PreschoolDays = table.Column<int>(type: "integer", nullable: false),
                    MixedDays = table.Column<int>(type: "integer", nullable: false),
                    EnrolledDays = table.Column<int>(type: "integer", nullable: false),
                    AttendedDays = table.Column<int>(type: "integer", nullable: false),
                    InclusiveDays = table.Column<int>(type: "integer", nullable: false),
                    FiledDays = table.Column<int>(type: "integer", nullable: false),
                    EligibleDays = table.Column<int>(type: "integer", nullable: false),
                    InstitutionCount = table.Column<int>(type: "integer", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subsidy_batch_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_subsidy_batch_lines_subsidy_batches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "subsidy_batches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "subsidy_rule_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RuleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "date", nullable: true),
                    SourceDocument = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SourceClause = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    InfantFen = table.Column<long>(type: "bigint", nullable: true),
                    ToddlerFen = table.Column<long>(type: "bigint", nullable: true),
                    PreschoolFen = table.Column<long>(type: "bigint", nullable: true),
                    MixedFen = table.Column<long>(type: "bigint", nullable: true),
                    OneTimeFen = table.Column<long>(type: "bigint", nullable: true),
                    CapFen = table.Column<long>(type: "bigint", nullable: true),
                    RequiresInclusive = table.Column<bool>(type: "boolean", nullable: false),
                    RequiresFiling = table.Column<bool>(type: "boolean", nullable: false),
                    RequiresPrivate = table.Column<bool>(type: "boolean", nullable: false),
                    ChildBornAfter = table.Column<DateOnly>(type: "date", nullable: true),
                    MinimumBirthOrder = table.Column<int>(type: "integer", nullable: true),
                    RequiresLocalHukou = table.Column<bool>(type: "boolean", nullable: false),
                    EligibleServices = table.Column<int>(type: "integer", nullable: false),
                    ClassChange = table.Column<int>(type: "integer", nullable: false),
                    MinimumAttendedDays = table.Column<int>(type: "integer", nullable: false),
                    ProrateByEnrolledDays = table.Column<bool>(type: "boolean", nullable: false),
                    StatusChange = table.Column<int>(type: "integer", nullable: false),
                    MovedChild = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subsidy_rule_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_subsidy_rule_versions_subsidy_rules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "subsidy_rules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "subsidy_rules",
                columns: new[] { "Id", "Code", "CreatedAt", "CreatedByUserId", "JurisdictionRegionCode", "Kind", "Name" },
                values: new object[,]
                {
                    { new Guid("5b0e2f6a-1d7c-4a51-9e55-000000000001"), "changsha-2025-monthly", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), null, "430100000000", 1, "入托补助（长沙市）" },
                    { new Guid("5b0e2f6a-1d7c-4a51-9e55-000000000002"), "changsha-2025-construction", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), null, "430100000000", 2, "新建普惠托育机构一次性建设补助（长沙市）" },
                    { new Guid("5b0e2f6a-1d7c-4a51-9e55-000000000003"), "changsha-2025-third-child", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), null, "430100000000", 3, "三孩一次性育儿补贴（长沙市）" },
                    { new Guid("5b0e2f6a-1d7c-4a51-9e55-000000000004"), "changsha-2022-private-inclusive", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), null, "430100000000", 2, "新建社会办普惠托育机构补贴（长沙市2022）" }
                });

            migrationBuilder.InsertData(
                table: "subsidy_rule_versions",
                columns: new[] { "Id", "CapFen", "ChildBornAfter", "ClassChange", "CreatedAt", "CreatedByUserId", "EffectiveFrom", "EffectiveTo", "EligibleServices", "InfantFen", "MinimumAttendedDays", "MinimumBirthOrder", "MixedFen", "MovedChild", "Number", "OneTimeFen", "PreschoolFen", "ProrateByEnrolledDays", "RequiresFiling", "RequiresInclusive", "RequiresLocalHukou", "RequiresPrivate", "RuleId", "SourceClause", "SourceDocument", "StatusChange", "ToddlerFen" },
                values: new object[,]
                {
                    { new Guid("5b0e2f6a-1d7c-4a51-9e55-000000000101"), null, null, 1, new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), null, new DateOnly(2025, 5, 1), new DateOnly(2030, 4, 30), 3, 30000L, 1, null, 10000L, 1, 1, null, 10000L, false, true, true, false, false, new Guid("5b0e2f6a-1d7c-4a51-9e55-000000000001"), "二(二)6", "长政办发〔2025〕6号", 1, 20000L },
                    { new Guid("5b0e2f6a-1d7c-4a51-9e55-000000000102"), 1000000L, null, 1, new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), null, new DateOnly(2025, 5, 1), new DateOnly(2030, 4, 30), 3, null, 1, null, null, 1, 1, 1000000L, null, false, true, true, false, false, new Guid("5b0e2f6a-1d7c-4a51-9e55-000000000002"), "三(二)", "长政办发〔2025〕6号", 1, null },
                    { new Guid("5b0e2f6a-1d7c-4a51-9e55-000000000103"), null, new DateOnly(2022, 7, 30), 1, new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), null, new DateOnly(2025, 5, 1), new DateOnly(2030, 4, 30), 3, null, 1, 3, null, 1, 1, 1000000L, null, false, false, false, true, false, new Guid("5b0e2f6a-1d7c-4a51-9e55-000000000003"), "二(二)7", "长政办发〔2025〕6号", 1, null },
                    { new Guid("5b0e2f6a-1d7c-4a51-9e55-000000000104"), null, null, 1, new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), null, new DateOnly(2022, 12, 22), new DateOnly(2025, 12, 31), 3, null, 1, null, null, 1, 1, 1000000L, null, false, true, true, false, true, new Guid("5b0e2f6a-1d7c-4a51-9e55-000000000004"), "三(十)1", "长政发〔2022〕10号", 1, null }
                });

            migrationBuilder.CreateIndex(
                name: "IX_enrollment_monthly_attendance_ChildId_Month",
                table: "enrollment_monthly_attendance",
                columns: new[] { "ChildId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_subsidy_batch_lines_BatchId_ChildId_InstitutionId_RuleId",
                table: "subsidy_batch_lines",
                columns: new[] { "BatchId", "ChildId", "InstitutionId", "RuleId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subsidy_batch_lines_BatchId_InstitutionId",
                table: "subsidy_batch_lines",
                columns: new[] { "BatchId", "InstitutionId" });

            migrationBuilder.CreateIndex(
                name: "IX_subsidy_batch_lines_InstitutionId_Month",
                table: "subsidy_batch_lines",
                columns: new[] { "InstitutionId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_subsidy_batches_OpenKey",
                table: "subsidy_batches",
                column: "OpenKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subsidy_batches_RegionCode_Month",
                table: "subsidy_batches",
                columns: new[] { "RegionCode", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_subsidy_payments_BatchId",
                table: "subsidy_payments",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_subsidy_payments_ChildId_RuleId_Month",
                table: "subsidy_payments",
                columns: new[] { "ChildId", "RuleId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subsidy_rule_versions_RuleId_Number",
                table: "subsidy_rule_versions",
                columns: new[] { "RuleId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subsidy_rules_Code",
                table: "subsidy_rules",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subsidy_rules_JurisdictionRegionCode",
                table: "subsidy_rules",
                column: "JurisdictionRegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "subsidy_batch_lines");

            migrationBuilder.DropTable(
                name: "subsidy_idempotency_keys");

            migrationBuilder.DropTable(
                name: "subsidy_payments");

            migrationBuilder.DropTable(
                name: "subsidy_rule_versions");

            migrationBuilder.DropTable(
                name: "subsidy_batches");

            migrationBuilder.DropTable(
                name: "subsidy_rules");

            migrationBuilder.DropIndex(
                name: "IX_enrollment_monthly_attendance_ChildId_Month",
                table: "enrollment_monthly_attendance");
        }
    }
}
