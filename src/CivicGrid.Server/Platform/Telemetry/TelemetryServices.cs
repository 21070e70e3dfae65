using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CivicGrid.Server.Platform.Telemetry;

/// <summary>OpenTelemetry metrics and traces, exported over OTLP when <c>Telemetry:OtlpEndpoint</c> is set (off by
/// default: nothing is collected or sent, and the instruments cost nothing). Traces cover ASP.NET Core requests
/// (health probes left out), outgoing HttpClient calls, EF Core commands and Npgsql; metrics add the runtime and
/// <see cref="CivicGridMetrics"/>.</summary>
public static class TelemetryServices
{
    public const string Section = "Telemetry";

    public static IServiceCollection AddCivicGridTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostedService<CaseStepMetrics>();
        var endpoint = configuration[$"{Section}:OtlpEndpoint"];
        if (string.IsNullOrWhiteSpace(endpoint)) return services;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var otlp) || otlp.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException(
                $"The configuration value {Section}:OtlpEndpoint must be an absolute http(s) URL (got '{endpoint}').");
        }
        var serviceName = configuration[$"{Section}:ServiceName"] ?? "civicgrid";
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithMetrics(metrics => metrics
                .AddMeter(CivicGridMetrics.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddOtlpExporter(options => options.Endpoint = otlp))
            .WithTracing(tracing => tracing
                .AddSource(CivicGridMetrics.Name)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/healthz"))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(options => options.Endpoint = otlp));
        return services;
    }
}
