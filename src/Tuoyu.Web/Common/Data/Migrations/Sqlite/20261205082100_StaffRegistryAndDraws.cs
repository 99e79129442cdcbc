using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tuoyu.Web.Common.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StaffRegistryAndDraws : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PersonId",
                table: "staff_members",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "staff_bans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IdNumberHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DecisionReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    BannedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_bans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "staff_persons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IdNumberCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IdNumberHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    HealthCertificateOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BackgroundCheckOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EmploymentsChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_persons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supervision_inspectors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Agency = table.Column<int>(type: "INTEGER", nullable: false),
                    HomeStreetCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_inspectors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supervision_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kinds = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FilingStatuses = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DefaultPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    PercentA = table.Column<int>(type: "INTEGER", nullable: true),
                    PercentB = table.Column<int>(type: "INTEGER", nullable: true),
                    PercentC = table.Column<int>(type: "INTEGER", nullable: true),
                    PercentD = table.Column<int>(type: "INTEGER", nullable: true),
                    TeamSize = table.Column<int>(type: "INTEGER", nullable: false),
                    PublicSeed = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecusePreviousDraw = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "staff_certificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    NumberCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NumberMasked = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_certificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_staff_certificates_staff_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "staff_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "staff_post_exceptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    GrantedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    GrantedByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_post_exceptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_staff_post_exceptions_staff_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "staff_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "staff_training_years",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Hours = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_training_years", x => x.Id);
                    table.ForeignKey(
                        name: "FK_staff_training_years_staff_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "staff_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "supervision_draws",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Algorithm = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SeedHex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InputsJson = table.Column<string>(type: "TEXT", nullable: false),
                    ResultJson = table.Column<string>(type: "TEXT", nullable: false),
                    DrawnAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DrawnByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_draws", x => x.Id);
                    table.ForeignKey(
                        name: "FK_supervision_draws_supervision_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "supervision_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "supervision_plan_inspectors",
                columns: table => new
                {
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InspectorId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_plan_inspectors", x => new { x.PlanId, x.InspectorId });
                    table.ForeignKey(
                        name: "FK_supervision_plan_inspectors_supervision_inspectors_InspectorId",
                        column: x => x.InspectorId,
                        principalTable: "supervision_inspectors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_supervision_plan_inspectors_supervision_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "supervision_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "supervision_plan_risks",
                columns: table => new
                {
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RiskClass = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_plan_risks", x => new { x.PlanId, x.InstitutionId });
                    table.ForeignKey(
                        name: "FK_supervision_plan_risks_supervision_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "supervision_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "supervision_draw_picks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DrawId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InspectorId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_draw_picks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_supervision_draw_picks_supervision_draws_DrawId",
                        column: x => x.DrawId,
                        principalTable: "supervision_draws",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_supervision_draw_picks_supervision_inspectors_InspectorId",
                        column: x => x.InspectorId,
                        principalTable: "supervision_inspectors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_staff_members_PersonId",
                table: "staff_members",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_staff_bans_IdNumberHash",
                table: "staff_bans",
                column: "IdNumberHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_staff_certificates_PersonId_ExpiresOn",
                table: "staff_certificates",
                columns: new[] { "PersonId", "ExpiresOn" });

            migrationBuilder.CreateIndex(
                name: "IX_staff_persons_IdNumberHash",
                table: "staff_persons",
                column: "IdNumberHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_staff_post_exceptions_PersonId_InstitutionId",
                table: "staff_post_exceptions",
                columns: new[] { "PersonId", "InstitutionId" });

            migrationBuilder.CreateIndex(
                name: "IX_staff_training_years_PersonId_Year",
                table: "staff_training_years",
                columns: new[] { "PersonId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_supervision_draw_picks_DrawId",
                table: "supervision_draw_picks",
                column: "DrawId");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_draw_picks_InspectorId",
                table: "supervision_draw_picks",
                column: "InspectorId");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_draw_picks_InstitutionId",
                table: "supervision_draw_picks",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_draws_PlanId",
                table: "supervision_draws",
                column: "PlanId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_supervision_draws_RegionCode_DrawnAt",
                table: "supervision_draws",
                columns: new[] { "RegionCode", "DrawnAt" });

            migrationBuilder.CreateIndex(
                name: "IX_supervision_inspectors_Code",
                table: "supervision_inspectors",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_supervision_inspectors_RegionCode",
                table: "supervision_inspectors",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_plan_inspectors_InspectorId",
                table: "supervision_plan_inspectors",
                column: "InspectorId");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_plans_RegionCode",
                table: "supervision_plans",
                column: "RegionCode");

            migrationBuilder.AddForeignKey(
                name: "FK_staff_members_staff_persons_PersonId",
                table: "staff_members",
                column: "PersonId",
                principalTable: "staff_persons",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_staff_members_staff_persons_PersonId",
                table: "staff_members");

            migrationBuilder.DropTable(
                name: "staff_bans");

            migrationBuilder.DropTable(
                name: "staff_certificates");

            migrationBuilder.DropTable(
                name: "staff_post_exceptions");

            migrationBuilder.DropTable(
                name: "staff_training_years");

            migrationBuilder.DropTable(
                name: "supervision_draw_picks");

            migrationBuilder.DropTable(
                name: "supervision_plan_inspectors");

            migrationBuilder.DropTable(
                name: "supervision_plan_risks");

            migrationBuilder.DropTable(
                name: "staff_persons");

            migrationBuilder.DropTable(
                name: "supervision_draws");

            migrationBuilder.DropTable(
                name: "supervision_inspectors");

            migrationBuilder.DropTable(
                name: "supervision_plans");

            migrationBuilder.DropIndex(
                name: "IX_staff_members_PersonId",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "PersonId",
                table: "staff_members");
        }
    }
}
