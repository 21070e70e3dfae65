using Microsoft.Extensions.Logging.Console;

namespace CivicGrid.Server.Platform.Runtime;

public static class ConsoleLogging
{
    /// <summary>Structured logs: JSON lines when output is redirected (services, containers, CI) or when
    /// Logging:Format=json; one readable line per event on a terminal. Message templates keep their properties either way.</summary>
    public static ILoggingBuilder UseCivicGridConsole(this ILoggingBuilder logging, IConfiguration configuration)
    {
        var format = configuration["Logging:Format"];
        var json = string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)
            || (format is null && Console.IsOutputRedirected);
        logging.ClearProviders();
        if (json)
        {
            logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffzzz ";
                options.UseUtcTimestamp = true;
            });
        }
        else
        {
            logging.AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.IncludeScopes = true;
                options.TimestampFormat = "HH:mm:ss ";
                options.ColorBehavior = LoggerColorBehavior.Default;
            });
        }
        return logging;
    }
}
