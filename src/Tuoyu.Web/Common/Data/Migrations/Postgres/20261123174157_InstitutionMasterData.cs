using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tuoyu.Web.Common.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InstitutionMasterData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ChainId",
                table: "registry_institutions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmployerName",
                table: "registry_institutions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FloorAreaSquareMetres",
                table: "registry_institutions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "InsuredUntil",
                table: "registry_institutions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Insurer",
                table: "registry_institutions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "KindergartenName",
                table: "registry_institutions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LegalRegistration",
                table: "registry_institutions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "OpeningHours",
                table: "registry_institutions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OutdoorAreaSquareMetres",
                table: "registry_institutions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PubliclyBuiltPrivatelyRun",
                table: "registry_institutions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Services",
                table: "registry_institutions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "registry_chains",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_chains", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "registry_designations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Basis = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GrantedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    GrantedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantedByUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    GrantedByRegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    WithdrawnOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WithdrawnByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    WithdrawnByUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    WithdrawReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_designations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "registry_fee_guidelines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ClassType = table.Column<int>(type: "integer", nullable: true),
                    Service = table.Column<int>(type: "integer", nullable: false),
                    MinMonthlyFen = table.Column<long>(type: "bigint", nullable: false),
                    MaxMonthlyFen = table.Column<long>(type: "bigint", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Basis = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SetByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    SetByUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SetAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_fee_guidelines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "registry_fees",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClassType = table.Column<int>(type: "integer", nullable: false),
                    Service = table.Column<int>(type: "integer", nullable: false),
                    MonthlyFeeFen = table.Column<long>(type: "bigint", nullable: false),
                    Pricing = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_fees", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "registry_filing_document_contents",
                columns: table => new
                {
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_filing_document_contents", x => x.DocumentId);
                });

            migrationBuilder.CreateTable(
                name: "registry_filing_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    UploadedByUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SupersededAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_filing_documents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_registry_institutions_ChainId",
                table: "registry_institutions",
                column: "ChainId");

            migrationBuilder.CreateIndex(
                name: "IX_registry_institutions_FilingStatus_RegionCode",
                table: "registry_institutions",
                columns: new[] { "FilingStatus", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_registry_chains_Name",
                table: "registry_chains",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_registry_designations_InstitutionId_Kind",
                table: "registry_designations",
                columns: new[] { "InstitutionId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_registry_fee_guidelines_RegionCode_Service",
                table: "registry_fee_guidelines",
                columns: new[] { "RegionCode", "Service" });

            migrationBuilder.CreateIndex(
                name: "IX_registry_fees_InstitutionId_ClassType_Service",
                table: "registry_fees",
                columns: new[] { "InstitutionId", "ClassType", "Service" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_registry_filing_documents_InstitutionId_Kind",
                table: "registry_filing_documents",
                columns: new[] { "InstitutionId", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registry_chains");

            migrationBuilder.DropTable(
                name: "registry_designations");

            migrationBuilder.DropTable(
                name: "registry_fee_guidelines");

            migrationBuilder.DropTable(
                name: "registry_fees");

            migrationBuilder.DropTable(
                name: "registry_filing_document_contents");

            migrationBuilder.DropTable(
                name: "registry_filing_documents");

            migrationBuilder.DropIndex(
                name: "IX_registry_institutions_ChainId",
                table: "registry_institutions");

            migrationBuilder.DropIndex(
                name: "IX_registry_institutions_FilingStatus_RegionCode",
                table: "registry_institutions");

            migrationBuilder.DropColumn(
                name: "ChainId",
                table: "registry_institutions");

            migrationBuilder.DropColumn(
                name: "EmployerName",
                table: "registry_institutions");

            migrationBuilder.DropColumn(
                name: "FloorAreaSquareMetres",
                table: "registry_institutions");

            migrationBuilder.DropColumn(
                name: "InsuredUntil",
                table: "registry_institutions");

            migrationBuilder.DropColumn(
                name: "Insurer",
                table: "registry_institutions");

            migrationBuilder.DropColumn(
                name: "KindergartenName",
                table: "registry_institutions");

            migrationBuilder.DropColumn(
                name: "LegalRegistration",
                table: "registry_institutions");

            migrationBuilder.DropColumn(
                name: "OpeningHours",
                table: "registry_institutions");

            migrationBuilder.DropColumn(
                name: "OutdoorAreaSquareMetres",
                table: "registry_institutions");

            migrationBuilder.DropColumn(
                name: "PubliclyBuiltPrivatelyRun",
                table: "registry_institutions");

            migrationBuilder.DropColumn(
                name: "Services",
                table: "registry_institutions");
        }
    }
}
