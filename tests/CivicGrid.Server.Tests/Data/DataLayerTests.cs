using CivicGrid.Data;
using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Components;
using CivicGrid.Domain.Geography;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Features.Map;
using CivicGrid.Server.Interchange;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CivicGrid.Server.Tests.Data;

/// <summary>The same data-layer tests on both providers: see the two sealed classes at the end.</summary>
public abstract class DataLayerTests<TDatabase> : IAsyncLifetime where TDatabase : TestDatabase, new()
{
    protected TDatabase Database { get; } = new();

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await using var db = Database.CreateContext();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync() => Database.DisposeAsync();

    [Fact]
    public async Task Migrations_AppliedToAnEmptyDatabase_LeaveNoPendingChanges()
    {
        await using var db = Database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration of this provider captures.");
    }

    [Fact]
    public async Task CityModel_RoundTrips_WithGeometryFlagsAndEnums()
    {
        await using (var db = Database.CreateContext())
        {
            await SeedCityAsync(db);
        }
        await using (var db = Database.CreateContext())
        {
            var grid = await db.UnitGrids.SingleAsync(g => g.Code == "46010500100100");
            Assert.Equal("460105001001", grid.CommunityCode);
            Assert.IsType<Polygon>(grid.Boundary);
            Assert.Equal(4326, grid.Boundary.SRID);
            Assert.Equal(5, grid.Boundary.NumPoints);
            Assert.Equal(110.30, grid.Boundary.EnvelopeInternal.MinX, 9);
            var team = await db.Departments.SingleAsync(d => d.Code == "HK-SZ-XY-1");
            Assert.Equal(DepartmentKinds.Maintainer | DepartmentKinds.HandlingUnit, team.Kinds);
            Assert.Equal(DepartmentLevel.Team, team.Level);
            var parent = await db.Departments.SingleAsync(d => d.Id == team.ParentId);
            Assert.Equal("HK-SZ", parent.Code);
            var user = await db.StaffUsers.SingleAsync(u => u.UserName == "dispatcher.xy");
            Assert.True(user.HasRole(Roles.Dispatcher));
            Assert.False(user.HasRole(Roles.ShiftLead));
            Assert.True(user.Scope.Covers("460105001001"));
            Assert.False(user.Scope.Covers("460106001001"));
        }
    }

    [Fact]
    public async Task Catalogue_SameCodeAsComponentAndMatter_AreTwoTypes_WithTheirCaseStandards()
    {
        await using (var db = Database.CreateContext())
        {
            await SeedCityAsync(db);
            db.CatalogueTypes.Add(new CatalogueType { Kind = CatalogueKind.Matter, Code = "01001", Name = "供水井盖异常", NameEn = "Water supply cover abnormal" });
            db.CaseStandards.Add(new CaseStandard
            {
                Kind = CatalogueKind.Matter, TypeCode = "01001", RegistrationCondition = "井盖缺失、破损", ClosingCondition = "井盖完好归位",
                DepartmentRule = HandlingDepartmentRule.ComponentMaintainer, TimeType = TimeType.UrgentHour, TimeLimitAmount = 120,
            });
            await db.SaveChangesAsync();
        }
        await using (var db = Database.CreateContext())
        {
            var types = await db.CatalogueTypes.Where(t => t.Code == "01001").OrderBy(t => t.Kind).ToListAsync();
            Assert.Equal(["供水井盖", "供水井盖异常"], types.Select(t => t.Name));
            var standard = await db.CaseStandards.SingleAsync();
            Assert.Equal((TimeType.UrgentHour, 120), (standard.TimeType, standard.TimeLimitAmount));
        }
    }

    [Fact]
    public async Task CaseStandard_ForAnUnknownType_IsRefusedByTheForeignKey()
    {
        await using var db = Database.CreateContext();
        db.CaseStandards.Add(new CaseStandard
        {
            Kind = CatalogueKind.Matter, TypeCode = "99999", RegistrationCondition = "x", ClosingCondition = "y",
            TimeType = TimeType.WorkDay, TimeLimitAmount = 1,
        });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task TheBulkWriter_WritesEveryComponent_ReadableThroughTheModel()
    {
        var createdAt = new DateTimeOffset(2026, 3, 1, 8, 30, 15, 123, TimeSpan.Zero);
        var rows = Enumerable.Range(1, 2_500).Select(i => new Component
        {
            Id = $"46010501037{i:D6}", CityCode = "460100", TypeCode = "01037", Name = $"路灯 {i}",
            GridCode = i % 2 == 0 ? "46010500100100" : null, Longitude = 110.3 + i * 1e-6, Latitude = 20.0,
            OwnerDepartmentId = null, Status = i % 10 == 0 ? ComponentStatus.Damaged : ComponentStatus.Intact,
            CreatedAt = createdAt, ChangedAt = createdAt.AddDays(i % 3), Source = "test",
        });
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(2_500, await BulkWriter.InsertAsync(db, rows, null, CancellationToken.None));
        }
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(2_500, await db.Components.CountAsync());
            Assert.Equal(250, await db.Components.CountAsync(c => c.Status == ComponentStatus.Damaged));
            Assert.Equal(1_250, await db.Components.CountAsync(c => c.GridCode == null));
            var tenth = await db.Components.SingleAsync(c => c.Id == "46010501037000010");
            Assert.Equal(createdAt, tenth.CreatedAt);
            Assert.Equal(createdAt.AddDays(1), tenth.ChangedAt);
            Assert.Equal(1_667, await db.Components.CountAsync(c => c.ChangedAt > createdAt));
        }
    }

    [Fact]
    public async Task TheBulkWriter_WritesCasesAndTheirHistoryWithTheirIds_AsTheDomainSealedThem()
    {
        var context = new WorkflowContext(WorkingCalendar.Standard(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), []), WorkflowTimeLimits.Default, null);
        var at = new DateTimeOffset(2026, 11, 26, 9, 30, 15, 123, TimeSpan.FromHours(8));
        var reported = Enumerable.Range(1, 3).Select(i => Case.Report($"HK20261126{i:D5}", "460100",
            new ReportDetails(CaseChannel.Hotline, $"井盖缺失 {i}", 110.3, 20.0, null, null, null, "460105", true), Actor.System, at, context, id: 100 + i)).ToList();
        var entries = reported.Select((r, i) => { r.Entry.Id = 500 + i; return r.Entry; }).ToList();
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(3, await BulkWriter.InsertAsync(db, reported.Select(r => r.Case), null, CancellationToken.None));
            Assert.Equal(3, await BulkWriter.InsertAsync(db, entries, null, CancellationToken.None));
        }
        await using (var db = Database.CreateContext())
        {
            var stored = await db.Cases.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
            Assert.Equal([101L, 102L, 103L], stored.Select(c => c.Id));
            Assert.All(stored, c => Assert.Equal((CaseStatus.Reported, at, "460105"), (c.Status, c.CreatedAt, c.DistrictCode)));
            foreach (var @case in stored)
            {
                var history = await db.CaseHistory.AsNoTracking().Where(e => e.CaseId == @case.Id).OrderBy(e => e.Sequence).ToListAsync();
                Assert.Single(history);
                Assert.Null(HistoryChain.Verify(history, @case.LastHistoryHash));
            }
        }
    }

    internal static async Task SeedCityAsync(CivicGridDbContext db)
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        db.Cities.Add(new City { Code = "460100", Name = "海口市", NameEn = "Haikou", CaseNumberPrefix = "HK" });
        db.AdministrativeUnits.AddRange(
            new AdministrativeUnit { Code = "460105", Level = AdministrativeLevel.District, Name = "秀英区", ParentCode = "460100", CityCode = "460100" },
            new AdministrativeUnit { Code = "460105001", Level = AdministrativeLevel.Street, Name = "秀英街道", ParentCode = "460105", CityCode = "460100" },
            new AdministrativeUnit { Code = "460105001001", Level = AdministrativeLevel.Community, Name = "秀海社区", ParentCode = "460105001", CityCode = "460100" });
        db.UnitGrids.Add(new UnitGrid
        {
            Code = "46010500100100", CityCode = "460100", DistrictCode = "460105", StreetCode = "460105001", CommunityCode = "460105001001",
            Boundary = factory.CreatePolygon([new(110.30, 20.00), new(110.301, 20.00), new(110.301, 20.001), new(110.30, 20.001), new(110.30, 20.00)]),
            AreaSquareMetres = 11_000, IsBuiltUp = true,
        });
        var bureau = new Department { Code = "HK-SZ", Name = "海口市市政管理局", NameEn = "Municipal Bureau", CityCode = "460100", Level = DepartmentLevel.CityBureau, Kinds = DepartmentKinds.Competent };
        db.Departments.Add(bureau);
        await db.SaveChangesAsync();
        db.Departments.Add(new Department
        {
            Code = "HK-SZ-XY-1", Name = "秀英市政养护队", NameEn = "Xiuying maintenance team", CityCode = "460100", Level = DepartmentLevel.Team,
            Kinds = DepartmentKinds.Maintainer | DepartmentKinds.HandlingUnit, ParentId = bureau.Id, DistrictCode = "460105",
        });
        db.StaffUsers.Add(new StaffUser
        {
            UserName = "dispatcher.xy", DisplayName = "秀英派遣员", PasswordHash = "x", CityCode = "460100",
            Roles = Roles.Dispatcher | Roles.IntakeOperator, ScopeKind = DataScopeKind.District, ScopeDivisionCode = "460105",
        });
        db.CatalogueClasses.Add(new CatalogueClass { Kind = CatalogueKind.Component, MajorCode = "01", Name = "市政公用设施", NameEn = "Municipal public facilities" });
        db.CatalogueTypes.Add(new CatalogueType { Kind = CatalogueKind.Component, Code = "01001", Name = "供水井盖", NameEn = "Water supply manhole cover" });
        await db.SaveChangesAsync();
    }
}

public sealed class SqliteDataLayerTests : DataLayerTests<SqliteTestDatabase>
{
    [Fact]
    public async Task Sqlite_ConnectionsRunWithWalForeignKeysAndFullSync()
    {
        await using var db = Database.CreateContext();
        await db.Database.OpenConnectionAsync();
        Assert.Equal("wal", await Pragma(db, "journal_mode"));
        Assert.Equal("1", await Pragma(db, "foreign_keys"));
        Assert.Equal("2", await Pragma(db, "synchronous"));
        Assert.Equal("10000", await Pragma(db, "busy_timeout"));
    }

    [Fact]
    public async Task LargeBulkInsert_RebuildsTheGridCodeIndex_AndARolledBackOneKeepsIt()
    {
        var rows = Enumerable.Range(1, 60_000).Select(i => new Component
        {
            Id = $"46010501037{i:D6}", CityCode = "460100", TypeCode = "01037", Name = "路灯", GridCode = $"4601050010010{i % 10}",
            Longitude = 110.3, Latitude = 20.0, CreatedAt = DateTimeOffset.UnixEpoch, ChangedAt = DateTimeOffset.UnixEpoch,
        });
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(60_000, await BulkWriter.InsertAsync(db, rows, new BulkLoad(ExpectedRows: 60_000), CancellationToken.None));
            Assert.Equal(6_000, await db.Components.CountAsync(c => c.GridCode == "46010500100103"));
        }
        await using (var db = Database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var more = rows.Select(c => new Component
            {
                Id = "9" + c.Id[1..], CityCode = c.CityCode, TypeCode = c.TypeCode, Name = c.Name, GridCode = c.GridCode,
                CreatedAt = c.CreatedAt, ChangedAt = c.ChangedAt,
            });
            await BulkWriter.InsertAsync(db, more, new BulkLoad(ExpectedRows: 60_000), CancellationToken.None);
            await transaction.RollbackAsync();
        }
        await using (var db = Database.CreateContext())
        {
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'IX_Components_GridCode'";
            Assert.Equal(1L, await command.ExecuteScalarAsync());
            Assert.Equal(60_000, await db.Components.CountAsync());
        }
    }

    private static async Task<string?> Pragma(CivicGridDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}

public sealed class PostgresDataLayerTests : DataLayerTests<PostgresTestDatabase>;
