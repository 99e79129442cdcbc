using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tuoyu.Web.Common.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditUnsealedIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_unsealed",
                table: "audit_entries",
                column: "Id",
                filter: "\"Hash\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_audit_entries_unsealed",
                table: "audit_entries");
        }
    }
}
