using CivicGrid.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CivicGrid.Server.Features.Health;

public static class HealthEndpoints
{
    public static IServiceCollection AddCivicGridHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>/healthz: 200 when the database answers, 503 otherwise.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz").DisableHttpMetrics().AllowAnonymous();
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
