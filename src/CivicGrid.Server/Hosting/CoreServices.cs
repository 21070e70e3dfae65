using CivicGrid.Data;
using CivicGrid.Server.Features.Cases;
using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Features.Evaluation;
using CivicGrid.Server.Features.Geography;
using CivicGrid.Server.Features.Map;
using CivicGrid.Server.Features.Open311;
using CivicGrid.Server.Features.Organisation;
using CivicGrid.Server.Features.PublicService;
using CivicGrid.Server.Interchange;
using CivicGrid.Server.Platform.Attachments;
using CivicGrid.Server.Platform.Jobs;
using CivicGrid.Server.Platform.LiveUpdates;
using CivicGrid.Server.Platform.Runtime;
using CivicGrid.Server.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Hosting;

/// <summary>Services shared by the web server and the CLI verbs.</summary>
public static class CoreServices
{
    public static IServiceCollection AddCivicGridCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TestClock.FromConfiguration(configuration) ?? TimeProvider.System);
        services.AddSingleton<DataDirectory>();
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        // Pooled: every request (and every token check) needs a context; a pooled one is reset instead of rebuilt.
        services.AddDbContextPool<CivicGridDbContext>((provider, builder) =>
        {
            var options = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var connectionString = options.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(options.ConnectionString)
                ? provider.GetRequiredService<DataDirectory>().SqliteConnectionString
                : options.ConnectionString!;
            builder.UseCivicGridDatabase(options, connectionString);
        });
        services.AddSingleton<GridLocator>();
        services.AddSingleton<IClusterSignal>(provider => provider.GetRequiredService<GridLocator>());
        services.AddScoped<Features.Geography.GridCentres>();
        services.AddPlaces(configuration);
        services.AddOrganisation();
        services.AddSingleton<Features.Calendar.CityCalendar>();
        services.AddScoped<Features.Calendar.CalendarAdministration>();
        services.AddScoped<Seeding.DemoCitySeeder>();
        services.AddImportExport();
        services.AddCases(configuration);
        services.AddAttachments(configuration);
        services.AddMap(configuration);
        services.AddPublicService(configuration);
        services.AddOpen311(configuration);
        services.AddJobs();
        services.AddClusterSignals();
        services.AddEvaluation(configuration);
        services.AddScoped<Features.CommandCentre.CommandCentreFigures>();
        services.AddScoped<Features.CommandCentre.CommandCentreBoard>();
        services.AddReferenceData();
        return services;
    }

    private sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
    {
        public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
        {
            var problems = options.Validate();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
