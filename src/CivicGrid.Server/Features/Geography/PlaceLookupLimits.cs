using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.Geography;

/// <summary>Per-client-IP limit on the public look-ups (address of a point, place search, basemap):
/// <see cref="PlaceOptions.LookupsPerIpPerMinute"/> in a fixed one-minute window, refused like the public submission
/// limits with 429 ProblemDetails and Retry-After.</summary>
public sealed class PlaceLookupLimits : IRateLimiterPolicy<string>
{
    public const string Policy = "place-lookups-per-ip";

    internal static void Configure(RateLimiterOptions limiter) => limiter.AddPolicy(Policy, new PlaceLookupLimits());

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var perMinute = httpContext.RequestServices.GetRequiredService<IOptions<PlaceOptions>>().Value.LookupsPerIpPerMinute;
        return RateLimitPartition.GetFixedWindowLimiter(httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (rejected, _) =>
    {
        var http = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(title: "Too many requests", detail: $"Too many look-ups from this address; try again in {seconds} seconds.",
            statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
    };
}
