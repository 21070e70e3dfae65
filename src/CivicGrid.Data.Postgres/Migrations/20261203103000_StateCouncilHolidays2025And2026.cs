using CivicGrid.Data.Calendar;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class StateCouncilHolidays2025And2026 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Data only (no model change), written by hand: the State Council holiday schedules of 2025 and 2026 from
            // CivicGrid.Data/Calendar/state-council-holidays.csv. Dates a city has already entered are kept as they are;
            // this runs once, so days a city deletes afterwards are not added again. A later year is a new migration.
            migrationBuilder.Sql(ShippedCalendar.InsertSql(2025, 2026));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The days may have been edited since; leave them.
        }
    }
}
