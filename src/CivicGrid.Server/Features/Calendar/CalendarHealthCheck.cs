using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CivicGrid.Server.Features.Calendar;

/// <summary>Degraded when the working calendar does not cover the next 60 days (see <see cref="CalendarCoverage"/>).</summary>
public sealed class CalendarHealthCheck(CityCalendar calendar, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var coverage = await calendar.CoverageAsync(time.GetUtcNow(), cancellationToken);
            return coverage.Warning is { } warning ? HealthCheckResult.Degraded(warning) : HealthCheckResult.Healthy("The working calendar covers the next 60 days.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Degraded("The working calendar could not be read.", exception);
        }
    }
}
