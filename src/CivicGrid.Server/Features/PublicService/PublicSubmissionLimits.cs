using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>Per-client-IP limits on what the public may send: reports (<see cref="ReportsPolicy"/>), photo uploads
/// plus ratings and follows (<see cref="UploadsPolicy"/>) and look-ups by case number (<see cref="LookupsPolicy"/>),
/// fixed one-minute windows sized by <see cref="PublicServiceOptions"/>. A refused request gets 429 ProblemDetails
/// with Retry-After.</summary>
public sealed class PublicSubmissionLimits(PublicSubmissionLimits.Budget budget) : IRateLimiterPolicy<string>
{
    public const string ReportsPolicy = "public-reports-per-ip";
    public const string UploadsPolicy = "public-uploads-per-ip";
    public const string LookupsPolicy = "public-lookups-per-ip";

    public enum Budget { Reports, Uploads, Lookups }

    internal static void Configure(RateLimiterOptions limiter)
    {
        limiter.AddPolicy(ReportsPolicy, new PublicSubmissionLimits(Budget.Reports));
        limiter.AddPolicy(UploadsPolicy, new PublicSubmissionLimits(Budget.Uploads));
        limiter.AddPolicy(LookupsPolicy, new PublicSubmissionLimits(Budget.Lookups));
    }

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        // Only sending counts: viewing the report page (GET) spends nothing.
        if (HttpMethods.IsGet(httpContext.Request.Method) || HttpMethods.IsHead(httpContext.Request.Method))
            return RateLimitPartition.GetNoLimiter("view");
        var options = httpContext.RequestServices.GetRequiredService<IOptions<PublicServiceOptions>>().Value;
        var perMinute = budget switch
        {
            Budget.Reports => options.ReportsPerIpPerMinute,
            Budget.Uploads => options.UploadsPerIpPerMinute,
            _ => options.LookupsPerIpPerMinute,
        };
        return RateLimitPartition.GetFixedWindowLimiter(
            budget + "/" + (httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (rejected, _) =>
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(
            title: "Too many requests",
            detail: $"Too many {budget.ToString().ToLowerInvariant()} from this address; try again in {seconds} seconds.",
            statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
    };
}
