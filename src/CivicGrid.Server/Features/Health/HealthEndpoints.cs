using CivicGrid.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CivicGrid.Server.Features.Health;

public static class HealthEndpoints
{
    public static IServiceCollection AddCivicGridHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>/healthz: 200 when the database answers, 503 otherwise. /healthz/live: 200 while the process serves
    /// requests (no dependency checked: a load balancer or orchestrator restarts the process when it fails).
    /// /healthz/ready: the checks tagged "ready" (the database): take the instance out of rotation while it fails.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz").DisableHttpMetrics().AllowAnonymous();
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false }).DisableHttpMetrics().AllowAnonymous();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") })
            .DisableHttpMetrics().AllowAnonymous();
        return app;
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
