using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tuoyu.Web.Common.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PublicSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_registry_institutions_FilingStatus_Latitude_Longitude",
                table: "registry_institutions",
                columns: new[] { "FilingStatus", "Latitude", "Longitude" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_registry_institutions_FilingStatus_Latitude_Longitude",
                table: "registry_institutions");
        }
    }
}
