using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MapIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Cases_Status_Longitude_Latitude",
                table: "Cases",
                columns: new[] { "Status", "Longitude", "Latitude" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Status_Longitude_Latitude",
                table: "Cases");
        }
    }
}
