using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "CatalogueClasses",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MajorCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    IsExtension = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogueClasses", x => new { x.Kind, x.MajorCode });
                });

            migrationBuilder.CreateTable(
                name: "CatalogueTypes",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    LegacyCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    IsExtension = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsSensitive = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogueTypes", x => new { x.Kind, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "Cities",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CaseNumberPrefix = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    WorkingHours = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cities", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Components",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 17, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    TypeCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    GridCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    CompetentDepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnerDepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    MaintainerDepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Components", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Departments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kinds = table.Column<int>(type: "INTEGER", maxLength: 32, nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Departments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Departments_Departments_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AdministrativeUnits",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ParentCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Boundary = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdministrativeUnits", x => x.Code);
                    table.ForeignKey(
                        name: "FK_AdministrativeUnits_Cities_CityCode",
                        column: x => x.CityCode,
                        principalTable: "Cities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseStandards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TypeCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    RegistrationCondition = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    ClosingCondition = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    DepartmentRule = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    TimeType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TimeLimitAmount = table.Column<int>(type: "INTEGER", nullable: false),
                    IsUrgent = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseStandards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseStandards_CatalogueTypes_Kind_TypeCode",
                        columns: x => new { x.Kind, x.TypeCode },
                        principalTable: "CatalogueTypes",
                        principalColumns: new[] { "Kind", "Code" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseStandards_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StaffUsers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Roles = table.Column<int>(type: "INTEGER", maxLength: 32, nullable: false),
                    ScopeKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ScopeDivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffUsers_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResponsibilityGrids",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    InspectorUserId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponsibilityGrids", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResponsibilityGrids_StaffUsers_InspectorUserId",
                        column: x => x.InspectorUserId,
                        principalTable: "StaffUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "UnitGrids",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    StreetCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    CommunityCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Boundary = table.Column<byte[]>(type: "BLOB", nullable: false),
                    AreaSquareMetres = table.Column<double>(type: "REAL", nullable: false),
                    IsBuiltUp = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResponsibleParty = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ResponsibilityGridId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitGrids", x => x.Code);
                    table.ForeignKey(
                        name: "FK_UnitGrids_AdministrativeUnits_CommunityCode",
                        column: x => x.CommunityCode,
                        principalTable: "AdministrativeUnits",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UnitGrids_ResponsibilityGrids_ResponsibilityGridId",
                        column: x => x.ResponsibilityGridId,
                        principalTable: "ResponsibilityGrids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdministrativeUnits_CityCode",
                table: "AdministrativeUnits",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_AdministrativeUnits_ParentCode",
                table: "AdministrativeUnits",
                column: "ParentCode");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStandards_DepartmentId",
                table: "CaseStandards",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStandards_Kind_TypeCode",
                table: "CaseStandards",
                columns: new[] { "Kind", "TypeCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Components_GridCode",
                table: "Components",
                column: "GridCode");

            migrationBuilder.CreateIndex(
                name: "IX_Departments_Code",
                table: "Departments",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Departments_ParentId",
                table: "Departments",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_ResponsibilityGrids_Code",
                table: "ResponsibilityGrids",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResponsibilityGrids_InspectorUserId",
                table: "ResponsibilityGrids",
                column: "InspectorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffUsers_DepartmentId",
                table: "StaffUsers",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffUsers_UserName",
                table: "StaffUsers",
                column: "UserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitGrids_CommunityCode",
                table: "UnitGrids",
                column: "CommunityCode");

            migrationBuilder.CreateIndex(
                name: "IX_UnitGrids_ResponsibilityGridId",
                table: "UnitGrids",
                column: "ResponsibilityGridId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "CaseStandards");

            migrationBuilder.DropTable(
                name: "CatalogueClasses");

            migrationBuilder.DropTable(
                name: "Components");

            migrationBuilder.DropTable(
                name: "UnitGrids");

            migrationBuilder.DropTable(
                name: "CatalogueTypes");

            migrationBuilder.DropTable(
                name: "AdministrativeUnits");

            migrationBuilder.DropTable(
                name: "ResponsibilityGrids");

            migrationBuilder.DropTable(
                name: "Cities");

            migrationBuilder.DropTable(
                name: "StaffUsers");

            migrationBuilder.DropTable(
                name: "Departments");
        }
    }
}
