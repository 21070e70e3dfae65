using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.Auth;

/// <summary>Limits against password guessing: token requests per client IP (the rate limiting middleware, policy
/// <see cref="PerIpPolicy"/>), and failed sign-ins per user name (<see cref="FailedSignInLimiter"/>, which needs
/// the request body and so runs in the handler). Both answer 429 ProblemDetails with Retry-After.</summary>
public static class SignInRateLimits
{
    public const string PerIpPolicy = "auth-token-per-ip";

    internal static void Configure(RateLimiterOptions limiter)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.AddPolicy(PerIpPolicy, context =>
        {
            var perMinute = context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.TokenRequestsPerIpPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        });
        limiter.OnRejected = async (rejected, cancellationToken) =>
        {
            var http = rejected.HttpContext;
            var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInRateLimits));
            AuthLog.SignInRateLimited(logger, http.Connection.RemoteIpAddress?.ToString(), null, "too many token requests from this address");
            await TooManyRequests(http, retryAfter).ExecuteAsync(http);
        };
    }

    /// <summary>429 with a Retry-After header in whole seconds.</summary>
    internal static ProblemHttpResult TooManyRequests(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            title: "Too many sign-in attempts",
            detail: $"Try again in {seconds} seconds.",
            statusCode: StatusCodes.Status429TooManyRequests);
    }
}

/// <summary>Counts failed sign-ins per user name (case-insensitive); successful ones cost nothing.</summary>
public sealed class FailedSignInLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public FailedSignInLimiter(IOptions<AuthOptions> options)
    {
        var perMinute = options.Value.FailedSignInsPerUserPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(userName => RateLimitPartition.GetFixedWindowLimiter(
            userName, _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>True when the user name has used up its failures; <paramref name="retryAfter"/> says for how long.</summary>
    public bool IsBlocked(string userName, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(Key(userName), permitCount: 0);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return !lease.IsAcquired;
    }

    public void RecordFailure(string userName)
    {
        using var lease = _limiter.AttemptAcquire(Key(userName));
    }

    public void Dispose() => _limiter.Dispose();

    private static string Key(string userName) => userName.Trim().ToLowerInvariant();
}
