using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Postgres.Migrations
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
                    BucketKind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    BucketStart = table.Column<int>(type: "integer", nullable: false),
                    SubjectKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SubjectKey = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Reported = table.Column<int>(type: "integer", nullable: false),
                    PublicReported = table.Column<int>(type: "integer", nullable: false),
                    Registered = table.Column<int>(type: "integer", nullable: false),
                    PublicRegistered = table.Column<int>(type: "integer", nullable: false),
                    RegisteredOnTime = table.Column<int>(type: "integer", nullable: false),
                    Voided = table.Column<int>(type: "integer", nullable: false),
                    Closed = table.Column<int>(type: "integer", nullable: false),
                    ClosedOnTime = table.Column<int>(type: "integer", nullable: false),
                    ClosedDeferred = table.Column<int>(type: "integer", nullable: false),
                    ClosedDeferredOnTime = table.Column<int>(type: "integer", nullable: false),
                    ValidReports = table.Column<int>(type: "integer", nullable: false),
                    Verifications = table.Column<int>(type: "integer", nullable: false),
                    VerificationsOnTime = table.Column<int>(type: "integer", nullable: false),
                    Checks = table.Column<int>(type: "integer", nullable: false),
                    ChecksOnTime = table.Column<int>(type: "integer", nullable: false),
                    IntakeHandled = table.Column<int>(type: "integer", nullable: false),
                    VerificationRequests = table.Column<int>(type: "integer", nullable: false),
                    VerificationRequestsOnTime = table.Column<int>(type: "integer", nullable: false),
                    Dispatches = table.Column<int>(type: "integer", nullable: false),
                    DispatchesOnTime = table.Column<int>(type: "integer", nullable: false),
                    DispatchesReturned = table.Column<int>(type: "integer", nullable: false),
                    Received = table.Column<int>(type: "integer", nullable: false),
                    Feedbacks = table.Column<int>(type: "integer", nullable: false),
                    FeedbacksOnTime = table.Column<int>(type: "integer", nullable: false),
                    Reworks = table.Column<int>(type: "integer", nullable: false)
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
