using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Evaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EvaluationRollups",
                columns: table => new
                {
                    BucketKind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    BucketStart = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SubjectKey = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Reported = table.Column<int>(type: "INTEGER", nullable: false),
                    PublicReported = table.Column<int>(type: "INTEGER", nullable: false),
                    Registered = table.Column<int>(type: "INTEGER", nullable: false),
                    PublicRegistered = table.Column<int>(type: "INTEGER", nullable: false),
                    RegisteredOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    Voided = table.Column<int>(type: "INTEGER", nullable: false),
                    Closed = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedDeferred = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedDeferredOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidReports = table.Column<int>(type: "INTEGER", nullable: false),
                    Verifications = table.Column<int>(type: "INTEGER", nullable: false),
                    VerificationsOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    Checks = table.Column<int>(type: "INTEGER", nullable: false),
                    ChecksOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    IntakeHandled = table.Column<int>(type: "INTEGER", nullable: false),
                    VerificationRequests = table.Column<int>(type: "INTEGER", nullable: false),
                    VerificationRequestsOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    Dispatches = table.Column<int>(type: "INTEGER", nullable: false),
                    DispatchesOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    DispatchesReturned = table.Column<int>(type: "INTEGER", nullable: false),
                    Received = table.Column<int>(type: "INTEGER", nullable: false),
                    Feedbacks = table.Column<int>(type: "INTEGER", nullable: false),
                    FeedbacksOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    Reworks = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationRollups", x => new { x.SubjectKind, x.BucketKind, x.BucketStart, x.SubjectKey, x.DistrictCode });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvaluationRollups");
        }
    }
}
