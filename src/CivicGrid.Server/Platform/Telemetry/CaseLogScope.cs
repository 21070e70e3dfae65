using CivicGrid.Data;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Platform.Telemetry;

/// <summary>Puts the case number on every log line written while a case is handled: a logging scope with
/// <c>CaseNumber</c> (and <c>CaseId</c>), shown by the console and JSON loggers, and a tag on the request's trace.</summary>
public static class CaseLogScope
{
    private static readonly Func<ILogger, string, IDisposable?> CaseScope = LoggerMessage.DefineScope<string>("Case {CaseNumber}");
    private static readonly Func<ILogger, string, long, IDisposable?> RequestScope =
        LoggerMessage.DefineScope<string, long>("Case {CaseNumber} (id {CaseId})");

    public static IDisposable? Begin(ILogger logger, string caseNumber) => CaseScope(logger, caseNumber);

    /// <summary>For requests to /api/v1/cases/{id}/…: looks the number up (one primary-key read) and opens the scope
    /// around the handler. Other requests pass through untouched.</summary>
    public static IApplicationBuilder UseCaseLogScope(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint() is RouteEndpoint { RoutePattern: var pattern } && IsCaseRoute(pattern)
            && long.TryParse(context.GetRouteValue("id") as string, out var id))
        {
            var db = context.RequestServices.GetRequiredService<CivicGridDbContext>();
            var number = await db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => c.Number).FirstOrDefaultAsync(context.RequestAborted);
            if (number is not null)
            {
                System.Diagnostics.Activity.Current?.SetTag("civicgrid.case.number", number);
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("CivicGrid.Cases");
                using (RequestScope(logger, number, id))
                {
                    await next(context);
                }
                return;
            }
        }
        await next(context);
    });

    private static bool IsCaseRoute(RoutePattern pattern) =>
        pattern.RawText is { } raw && raw.StartsWith("/api/v1/cases/{id", StringComparison.Ordinal);
}
