using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EvaluationQuarterBuckets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every step now also counts in its quarter (EvaluationBucketKind.Quarter): a quarter is read as one row per
            // subject, like a month. The quarter rows of the history so far are the sums of its month rows (every counted
            // event is in exactly one month and one quarter). The SQL is written by hand, not generated: keep it if the
            // migration is regenerated. Instances of the previous version that keep writing after this runs do not add
            // to quarters: run `evaluate rebuild` once they are gone.
            migrationBuilder.Sql(@"
            INSERT INTO ""EvaluationRollups"" (""SubjectKind"", ""BucketKind"", ""BucketStart"", ""SubjectKey"", ""DistrictCode"",
                ""Reported"", ""PublicReported"", ""Registered"", ""PublicRegistered"", ""RegisteredOnTime"", ""Voided"", ""Closed"", ""ClosedOnTime"", ""ClosedDeferred"", ""ClosedDeferredOnTime"", ""ValidReports"", ""Verifications"", ""VerificationsOnTime"", ""Checks"", ""ChecksOnTime"", ""IntakeHandled"", ""VerificationRequests"", ""VerificationRequestsOnTime"", ""Dispatches"", ""DispatchesOnTime"", ""DispatchesReturned"", ""Received"", ""Feedbacks"", ""FeedbacksOnTime"", ""Reworks"")
            SELECT ""SubjectKind"", 'Quarter', ""BucketStart"" / 10000 * 10000 + ((""BucketStart"" / 100 % 100 - 1) / 3 * 3 + 1) * 100 + 1, ""SubjectKey"", ""DistrictCode"",
                SUM(""Reported""), SUM(""PublicReported""), SUM(""Registered""), SUM(""PublicRegistered""), SUM(""RegisteredOnTime""), SUM(""Voided""), SUM(""Closed""), SUM(""ClosedOnTime""), SUM(""ClosedDeferred""), SUM(""ClosedDeferredOnTime""), SUM(""ValidReports""), SUM(""Verifications""), SUM(""VerificationsOnTime""), SUM(""Checks""), SUM(""ChecksOnTime""), SUM(""IntakeHandled""), SUM(""VerificationRequests""), SUM(""VerificationRequestsOnTime""), SUM(""Dispatches""), SUM(""DispatchesOnTime""), SUM(""DispatchesReturned""), SUM(""Received""), SUM(""Feedbacks""), SUM(""FeedbacksOnTime""), SUM(""Reworks"")
            FROM ""EvaluationRollups"" WHERE ""BucketKind"" = 'Month'
            GROUP BY ""SubjectKind"", ""BucketStart"" / 10000 * 10000 + ((""BucketStart"" / 100 % 100 - 1) / 3 * 3 + 1) * 100 + 1, ""SubjectKey"", ""DistrictCode"";
            ");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"
            DELETE FROM ""EvaluationRollups"" WHERE ""BucketKind"" = 'Quarter';
            ");
        }
    }
}
