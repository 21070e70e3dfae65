using CivicGrid.Server.Interchange;
using CivicGrid.Server.Platform.Attachments;
using CivicGrid.Server.Platform.Runtime;
using CivicGrid.Server.Seeding;

namespace CivicGrid.Server.Hosting;

/// <summary>The services a CLI verb runs with: the same configuration sources and core services as the server.</summary>
public static class CliHost
{
    public static IHost Build(params string[] configurationArgs)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = configurationArgs,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.UseCivicGridConsole(builder.Configuration);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Services.AddCivicGridCore(builder.Configuration);
        return builder.Build();
    }

    /// <summary>Runs a verb body, turning a bad setting or a bad file into a message and a non-zero exit code.</summary>
    public static async Task<int> RunAsync(Func<IServiceProvider, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            using var host = Build();
            await using var scope = host.Services.CreateAsyncScope();
            return await body(scope.ServiceProvider, cancellationToken);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException exception)
        {
            await Console.Error.WriteLineAsync("A setting is wrong: " + string.Join("; ", exception.Failures));
            return 2;
        }
    }
}
