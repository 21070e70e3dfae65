using System.Text.Json;
using CivicGrid.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CivicGrid.Server.Platform.Health;

public static class HealthEndpoints
{
    /// <summary>Registers the database check; features add theirs to the returned builder with the tag "ready"
    /// (e.g. the working calendar's, <c>Features/Calendar/CalendarHealthCheck</c>).</summary>
    public static IHealthChecksBuilder AddCivicGridHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready", "database"]);

    /// <summary>/healthz: 200 "Healthy" when the database answers, 503 otherwise. /healthz/live: 200 while the process
    /// serves requests (no dependency checked: a load balancer or orchestrator restarts the process when it fails).
    /// /healthz/ready: the checks tagged "ready" as JSON details ({status, checks: [{name, status, description}]}): the
    /// database (503 while it fails: take the instance out of rotation) and the working calendar ("Degraded", still 200,
    /// when it does not know the holidays of the next 60 days).</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("database") })
            .DisableHttpMetrics().AllowAnonymous();
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false }).DisableHttpMetrics().AllowAnonymous();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = WriteDetailsAsync,
        }).DisableHttpMetrics().AllowAnonymous();
        return app;
    }

    private static Task WriteDetailsAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    private sealed class DatabaseHealthCheck(CivicGridDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                return await db.Database.CanConnectAsync(cancellationToken)
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy("The database does not answer.");
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("The database does not answer.", exception);
            }
        }
    }
}
