using CivicGrid.Data;
using CivicGrid.Domain.Geography;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Cli;
using Microsoft.AspNetCore.Identity;

namespace CivicGrid.Server.Features.Demo;

/// <summary>Generates the Haikou-like demo city.</summary>
public sealed class DemoCitySeeder(CivicGridDbContext db)
{
    public const int DefaultSeed = 20261126;

    public async Task<DemoCityReport> SeedAsync(
        DemoScale scale, int seed, string password, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        db.Cities.Add(new City { Code = "460100", Name = "海口市", NameEn = "Haikou", CaseNumberPrefix = "HK" });
        var admin = new StaffUser
        {
            UserName = "admin", DisplayName = "系统管理员", PasswordHash = "", CityCode = "460100",
            Roles = Roles.Administrator, ScopeKind = DataScopeKind.City,
        };
        admin.PasswordHash = new PasswordHasher<StaffUser>().HashPassword(admin, password);
        db.StaffUsers.Add(admin);
        await db.SaveChangesAsync(cancellationToken);
        return new DemoCityReport(password, ["admin"], 0, 0);
    }
}
