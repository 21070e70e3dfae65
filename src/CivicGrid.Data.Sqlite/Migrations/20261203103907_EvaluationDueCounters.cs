using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EvaluationDueCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Due",
                table: "EvaluationRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "DueDeferred",
                table: "EvaluationRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "DueDeferredOnTime",
                table: "EvaluationRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "DueOnTime",
                table: "EvaluationRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Due",
                table: "EvaluationRollups");

            migrationBuilder.DropColumn(
                name: "DueDeferred",
                table: "EvaluationRollups");

            migrationBuilder.DropColumn(
                name: "DueDeferredOnTime",
                table: "EvaluationRollups");

            migrationBuilder.DropColumn(
                name: "DueOnTime",
                table: "EvaluationRollups");
        }
    }
}
