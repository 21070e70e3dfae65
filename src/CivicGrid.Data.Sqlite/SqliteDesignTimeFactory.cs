using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CivicGrid.Data.Sqlite;

/// <summary>Used by `dotnet ef migrations add` only: `dotnet ef migrations add Name --project src/CivicGrid.Data.Sqlite`.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<CivicGridDbContext>
{
    public CivicGridDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<CivicGridDbContext>();
        builder.UseCivicGridDatabase(new DatabaseOptions { Provider = DatabaseProvider.Sqlite }, "Data Source=design-time.db");
        return new CivicGridDbContext(builder.Options);
    }
}
