using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Sqlite.Migrations
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
            // SQLite: the roll-ups clustered on their key (WITHOUT ROWID), so that one bucket of one kind (a month of 40,000 grids)
            // is a contiguous run of pages instead of 40,000 look-ups from the key index into a rowid table (ADR 0011).
            // EF Core cannot express WITHOUT ROWID: a later migration that makes EF rebuild this table would drop it (a test
            // checks the table's layout).
            migrationBuilder.Sql(@"
            CREATE TABLE ""ef_temp_EvaluationRollups"" (
                ""BucketKind"" TEXT NOT NULL,
                ""BucketStart"" INTEGER NOT NULL,
                ""SubjectKind"" TEXT NOT NULL,
                ""SubjectKey"" TEXT NOT NULL,
                ""DistrictCode"" TEXT NOT NULL,
                ""Reported"" INTEGER NOT NULL,
                ""PublicReported"" INTEGER NOT NULL,
                ""Registered"" INTEGER NOT NULL,
                ""PublicRegistered"" INTEGER NOT NULL,
                ""RegisteredOnTime"" INTEGER NOT NULL,
                ""Voided"" INTEGER NOT NULL,
                ""Closed"" INTEGER NOT NULL,
                ""ClosedOnTime"" INTEGER NOT NULL,
                ""ClosedDeferred"" INTEGER NOT NULL,
                ""ClosedDeferredOnTime"" INTEGER NOT NULL,
                ""ValidReports"" INTEGER NOT NULL,
                ""Verifications"" INTEGER NOT NULL,
                ""VerificationsOnTime"" INTEGER NOT NULL,
                ""Checks"" INTEGER NOT NULL,
                ""ChecksOnTime"" INTEGER NOT NULL,
                ""IntakeHandled"" INTEGER NOT NULL,
                ""VerificationRequests"" INTEGER NOT NULL,
                ""VerificationRequestsOnTime"" INTEGER NOT NULL,
                ""Dispatches"" INTEGER NOT NULL,
                ""DispatchesOnTime"" INTEGER NOT NULL,
                ""DispatchesReturned"" INTEGER NOT NULL,
                ""Received"" INTEGER NOT NULL,
                ""Feedbacks"" INTEGER NOT NULL,
                ""FeedbacksOnTime"" INTEGER NOT NULL,
                ""Reworks"" INTEGER NOT NULL,
                CONSTRAINT ""PK_EvaluationRollups"" PRIMARY KEY (""SubjectKind"", ""BucketKind"", ""BucketStart"", ""SubjectKey"", ""DistrictCode"")
            ) WITHOUT ROWID;
            INSERT INTO ""ef_temp_EvaluationRollups"" (""BucketKind"", ""BucketStart"", ""SubjectKind"", ""SubjectKey"", ""DistrictCode"", ""Reported"", ""PublicReported"", ""Registered"", ""PublicRegistered"", ""RegisteredOnTime"", ""Voided"", ""Closed"", ""ClosedOnTime"", ""ClosedDeferred"", ""ClosedDeferredOnTime"", ""ValidReports"", ""Verifications"", ""VerificationsOnTime"", ""Checks"", ""ChecksOnTime"", ""IntakeHandled"", ""VerificationRequests"", ""VerificationRequestsOnTime"", ""Dispatches"", ""DispatchesOnTime"", ""DispatchesReturned"", ""Received"", ""Feedbacks"", ""FeedbacksOnTime"", ""Reworks"")
            SELECT ""BucketKind"", ""BucketStart"", ""SubjectKind"", ""SubjectKey"", ""DistrictCode"", ""Reported"", ""PublicReported"", ""Registered"", ""PublicRegistered"", ""RegisteredOnTime"", ""Voided"", ""Closed"", ""ClosedOnTime"", ""ClosedDeferred"", ""ClosedDeferredOnTime"", ""ValidReports"", ""Verifications"", ""VerificationsOnTime"", ""Checks"", ""ChecksOnTime"", ""IntakeHandled"", ""VerificationRequests"", ""VerificationRequestsOnTime"", ""Dispatches"", ""DispatchesOnTime"", ""DispatchesReturned"", ""Received"", ""Feedbacks"", ""FeedbacksOnTime"", ""Reworks"" FROM ""EvaluationRollups"" ORDER BY ""SubjectKind"", ""BucketKind"", ""BucketStart"", ""SubjectKey"", ""DistrictCode"";
            DROP TABLE ""EvaluationRollups"";
            ALTER TABLE ""ef_temp_EvaluationRollups"" RENAME TO ""EvaluationRollups"";
            ");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"
            CREATE TABLE ""ef_temp_EvaluationRollups"" (
                ""BucketKind"" TEXT NOT NULL,
                ""BucketStart"" INTEGER NOT NULL,
                ""SubjectKind"" TEXT NOT NULL,
                ""SubjectKey"" TEXT NOT NULL,
                ""DistrictCode"" TEXT NOT NULL,
                ""Reported"" INTEGER NOT NULL,
                ""PublicReported"" INTEGER NOT NULL,
                ""Registered"" INTEGER NOT NULL,
                ""PublicRegistered"" INTEGER NOT NULL,
                ""RegisteredOnTime"" INTEGER NOT NULL,
                ""Voided"" INTEGER NOT NULL,
                ""Closed"" INTEGER NOT NULL,
                ""ClosedOnTime"" INTEGER NOT NULL,
                ""ClosedDeferred"" INTEGER NOT NULL,
                ""ClosedDeferredOnTime"" INTEGER NOT NULL,
                ""ValidReports"" INTEGER NOT NULL,
                ""Verifications"" INTEGER NOT NULL,
                ""VerificationsOnTime"" INTEGER NOT NULL,
                ""Checks"" INTEGER NOT NULL,
                ""ChecksOnTime"" INTEGER NOT NULL,
                ""IntakeHandled"" INTEGER NOT NULL,
                ""VerificationRequests"" INTEGER NOT NULL,
                ""VerificationRequestsOnTime"" INTEGER NOT NULL,
                ""Dispatches"" INTEGER NOT NULL,
                ""DispatchesOnTime"" INTEGER NOT NULL,
                ""DispatchesReturned"" INTEGER NOT NULL,
                ""Received"" INTEGER NOT NULL,
                ""Feedbacks"" INTEGER NOT NULL,
                ""FeedbacksOnTime"" INTEGER NOT NULL,
                ""Reworks"" INTEGER NOT NULL,
                CONSTRAINT ""PK_EvaluationRollups"" PRIMARY KEY (""SubjectKind"", ""BucketKind"", ""BucketStart"", ""SubjectKey"", ""DistrictCode"")
            );
            INSERT INTO ""ef_temp_EvaluationRollups"" (""BucketKind"", ""BucketStart"", ""SubjectKind"", ""SubjectKey"", ""DistrictCode"", ""Reported"", ""PublicReported"", ""Registered"", ""PublicRegistered"", ""RegisteredOnTime"", ""Voided"", ""Closed"", ""ClosedOnTime"", ""ClosedDeferred"", ""ClosedDeferredOnTime"", ""ValidReports"", ""Verifications"", ""VerificationsOnTime"", ""Checks"", ""ChecksOnTime"", ""IntakeHandled"", ""VerificationRequests"", ""VerificationRequestsOnTime"", ""Dispatches"", ""DispatchesOnTime"", ""DispatchesReturned"", ""Received"", ""Feedbacks"", ""FeedbacksOnTime"", ""Reworks"")
            SELECT ""BucketKind"", ""BucketStart"", ""SubjectKind"", ""SubjectKey"", ""DistrictCode"", ""Reported"", ""PublicReported"", ""Registered"", ""PublicRegistered"", ""RegisteredOnTime"", ""Voided"", ""Closed"", ""ClosedOnTime"", ""ClosedDeferred"", ""ClosedDeferredOnTime"", ""ValidReports"", ""Verifications"", ""VerificationsOnTime"", ""Checks"", ""ChecksOnTime"", ""IntakeHandled"", ""VerificationRequests"", ""VerificationRequestsOnTime"", ""Dispatches"", ""DispatchesOnTime"", ""DispatchesReturned"", ""Received"", ""Feedbacks"", ""FeedbacksOnTime"", ""Reworks"" FROM ""EvaluationRollups"" ORDER BY ""SubjectKind"", ""BucketKind"", ""BucketStart"", ""SubjectKey"", ""DistrictCode"";
            DROP TABLE ""EvaluationRollups"";
            ALTER TABLE ""ef_temp_EvaluationRollups"" RENAME TO ""EvaluationRollups"";
            ");
            migrationBuilder.Sql(@"
            DELETE FROM ""EvaluationRollups"" WHERE ""BucketKind"" = 'Quarter';
            ");
        }
    }
}
