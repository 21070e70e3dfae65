using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Seeding;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.Demo;

/// <summary>Three small demo cities on real SQLite files: two with the same seed, one with another.</summary>
public sealed class ThreeSeededCities : IAsyncLifetime
{
    public const string Password = "Haikou-Demo-2026";

    public SqliteTestDatabase First { get; } = new();
    public SqliteTestDatabase SameSeed { get; } = new();
    public SqliteTestDatabase OtherSeed { get; } = new();
    public DemoCityReport FirstReport { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        FirstReport = await DemoCitySeeding.SeedAsync(First, seed: 7, Password);
        await DemoCitySeeding.SeedAsync(SameSeed, seed: 7, Password);
        await DemoCitySeeding.SeedAsync(OtherSeed, seed: 8, Password);
    }

    public async Task DisposeAsync()
    {
        await First.DisposeAsync();
        await SameSeed.DisposeAsync();
        await OtherSeed.DisposeAsync();
    }
}

public sealed class DemoCitySeedingTests(ThreeSeededCities cities) : IClassFixture<ThreeSeededCities>
{
    [Fact]
    public async Task TheSameSeed_GivesIdenticalUnitsGridsAndComponents()
    {
        Assert.Equal(await UnitsAsync(cities.First), await UnitsAsync(cities.SameSeed));
        Assert.Equal(await GridsAsync(cities.First), await GridsAsync(cities.SameSeed));
        Assert.Equal(await ComponentsAsync(cities.First), await ComponentsAsync(cities.SameSeed));
    }

    [Fact]
    public async Task AnotherSeed_GivesADifferentCity()
    {
        Assert.NotEqual(await UnitsAsync(cities.First), await UnitsAsync(cities.OtherSeed));
        Assert.NotEqual(await GridsAsync(cities.First), await GridsAsync(cities.OtherSeed));
        Assert.NotEqual(await ComponentsAsync(cities.First), await ComponentsAsync(cities.OtherSeed));
    }

    [Fact]
    public async Task TheGivenPassword_VerifiesForEveryDemoUser_AndAnotherDoesNot()
    {
        await using var db = cities.First.CreateContext();
        var users = await db.StaffUsers.AsNoTracking().ToListAsync();
        var hasher = new PasswordHasher<StaffUser>();
        Assert.All(users, u => Assert.NotEqual(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(u, u.PasswordHash, ThreeSeededCities.Password)));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(users[0], users[0].PasswordHash, "wrong-password"));
    }

    [Fact]
    public async Task TheReport_CountsWhatWasWritten_AndListsUsersInIdOrder()
    {
        await using var db = cities.First.CreateContext();
        var report = cities.FirstReport;
        Assert.Equal(ThreeSeededCities.Password, report.Password);
        Assert.Equal(await db.UnitGrids.CountAsync(), report.Grids);
        Assert.Equal(await db.Components.LongCountAsync(), report.Components);
        Assert.Equal(await db.StaffUsers.OrderBy(u => u.Id).Select(u => u.UserName).ToListAsync(), report.UserNames);
    }

    private static async Task<List<string>> UnitsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.AdministrativeUnits.OrderBy(u => u.Code).Select(u => u.Code + " " + u.Name + " " + u.NameEn).ToListAsync();
    }

    private static async Task<List<string>> GridsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var grids = await db.UnitGrids.AsNoTracking().OrderBy(g => g.Code).ToListAsync();
        return grids.Select(g => $"{g.Code} {g.Boundary.AsText()} {g.AreaSquareMetres} {g.IsBuiltUp} {g.ResponsibleParty}").ToList();
    }

    private static async Task<List<string>> ComponentsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.Components.OrderBy(c => c.Id)
            .Select(c => c.Id + " " + c.GridCode + " " + c.Longitude + " " + c.Latitude + " " + c.Status + " " + c.CreatedAt)
            .ToListAsync();
    }
}
