using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CaseEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseNumberCounters",
                columns: table => new
                {
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseNumberCounters", x => new { x.CityCode, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    TypeCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    GridCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    CommunityCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    StreetCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    IsBuiltUp = table.Column<bool>(type: "INTEGER", nullable: false),
                    ComponentId = table.Column<string>(type: "TEXT", maxLength: 17, nullable: true),
                    ReporterName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReporterPhone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ReporterEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    ReporterUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsUrgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    VerificationConfirmed = table.Column<bool>(type: "INTEGER", nullable: true),
                    PendingRequest = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PendingRequestNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PendingExtensionAmount = table.Column<int>(type: "INTEGER", nullable: true),
                    ReworkCount = table.Column<int>(type: "INTEGER", nullable: false),
                    SupervisionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ExtensionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DispatchedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FeedbackAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StageStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StageTimeType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    StageLimitAmount = table.Column<int>(type: "INTEGER", nullable: true),
                    StagePauses = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StageDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StageYellowAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StageOverdueAlerted = table.Column<bool>(type: "INTEGER", nullable: false),
                    HandledOnTime = table.Column<bool>(type: "INTEGER", nullable: true),
                    HistoryCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LastHistoryHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    FrozenLight = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cases_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseAlerts_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActorRole = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AttachmentIds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Deadline = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Data = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseHistory_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => new { x.Scope, x.Key });
                    table.ForeignKey(
                        name: "FK_IdempotencyRecords_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    HistoryEntryId = table.Column<long>(type: "INTEGER", nullable: true),
                    OriginalFileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ByteSize = table.Column<long>(type: "INTEGER", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StoragePath = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedByUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Attachments_CaseHistory_HistoryEntryId",
                        column: x => x.HistoryEntryId,
                        principalTable: "CaseHistory",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Attachments_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_CaseId",
                table: "Attachments",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_HistoryEntryId",
                table: "Attachments",
                column: "HistoryEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_Sha256",
                table: "Attachments",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAlerts_CaseId_RaisedAt",
                table: "CaseAlerts",
                columns: new[] { "CaseId", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseAlerts_RaisedAt",
                table: "CaseAlerts",
                column: "RaisedAt");

            migrationBuilder.CreateIndex(
                name: "IX_CaseHistory_CaseId_Sequence",
                table: "CaseHistory",
                columns: new[] { "CaseId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_DepartmentId_Status",
                table: "Cases",
                columns: new[] { "DepartmentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_DistrictCode_CreatedAt",
                table: "Cases",
                columns: new[] { "DistrictCode", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Number",
                table: "Cases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_StageDueAt",
                table: "Cases",
                column: "StageDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Status_CreatedAt",
                table: "Cases",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_CaseId",
                table: "IdempotencyRecords",
                column: "CaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Attachments");

            migrationBuilder.DropTable(
                name: "CaseAlerts");

            migrationBuilder.DropTable(
                name: "CaseNumberCounters");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "CaseHistory");

            migrationBuilder.DropTable(
                name: "Cases");
        }
    }
}
