using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CivicGrid.Data.Postgres;

/// <summary>Used by `dotnet ef migrations add` only: `dotnet ef migrations add Name --project src/CivicGrid.Data.Postgres`.
/// No server is contacted when generating migrations.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<CivicGridDbContext>
{
    public CivicGridDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<CivicGridDbContext>();
        builder.UseCivicGridDatabase(new DatabaseOptions { Provider = DatabaseProvider.Postgres }, "Host=localhost;Database=civicgrid_design");
        return new CivicGridDbContext(builder.Options);
    }
}
