using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Data;

public static class DbContextOptionsBuilderExtensions
{
    public const string SqliteMigrationsAssembly = "CivicGrid.Data.Sqlite";
    public const string PostgresMigrationsAssembly = "CivicGrid.Data.Postgres";

    /// <summary>Points the context at the configured provider, with that provider's migrations assembly.</summary>
    public static DbContextOptionsBuilder UseCivicGridDatabase(
        this DbContextOptionsBuilder builder, DatabaseOptions options, string connectionString)
    {
        return options.Provider switch
        {
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString,
                npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => builder
                .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly))
                .AddInterceptors(new SqlitePragmaInterceptor(options.SqliteSynchronous)),
        };
    }
}
