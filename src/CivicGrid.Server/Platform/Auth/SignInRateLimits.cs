using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Platform.Auth;

/// <summary>Limits against password guessing (docs/operations.md): token requests per client IP (policy
/// <see cref="PerIpPolicy"/>) and sign-in form posts per client IP (policy <see cref="SignInPagePolicy"/>; viewing
/// the page is free), both in the rate limiting middleware; and failed sign-ins per user name and client
/// (<see cref="FailedSignInLimiter"/>, which needs the request body and so runs in the handler). All answer 429 with
/// Retry-After, and are logged. The client IP is the one the trusted proxy forwards.</summary>
public static class SignInRateLimits
{
    public const string PerIpPolicy = "auth-token-per-ip";
    public const string SignInPagePolicy = "sign-in-page-per-ip";

    internal static void Configure(RateLimiterOptions limiter)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.AddPolicy(PerIpPolicy, context => PerIp(context, "token", o => o.TokenRequestsPerIpPerMinute));
        limiter.AddPolicy(SignInPagePolicy, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            ? RateLimitPartition.GetNoLimiter("view")
            : PerIp(context, "form", o => o.SignInFormPostsPerIpPerMinute));
        limiter.OnRejected = async (rejected, cancellationToken) =>
        {
            var http = rejected.HttpContext;
            var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInRateLimits));
            var api = StaffAuthSchemes.IsApiPath(http.Request.Path);
            AuthLog.SignInRateLimited(logger, http.Connection.RemoteIpAddress?.ToString(), null,
                api ? "too many token requests from this address" : "too many sign-in form posts from this address");
            var answer = TooManyRequests(http, retryAfter);
            if (api) await answer.ExecuteAsync(http);
            else await TypedResults.Text($"{answer.ProblemDetails.Title}. {answer.ProblemDetails.Detail}", "text/plain; charset=utf-8",
                statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
        };
    }

    private static RateLimitPartition<string> PerIp(HttpContext context, string bucket, Func<AuthOptions, int> perMinute)
    {
        var permits = perMinute(context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter(
            bucket + ":" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
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

/// <summary>Counts failed sign-ins per user name (case-insensitive) and client address; successful ones cost nothing.
/// A client that used up its failures for a user name is refused for it until the window ends — even with the right
/// password, or guessing would go on — while every other client, the user's own included, signs in as usual: a
/// stranger can slow down only themselves, not lock the user out.</summary>
public sealed class FailedSignInLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public FailedSignInLimiter(IOptions<AuthOptions> options)
    {
        var perMinute = options.Value.FailedSignInsPerUserPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(
            key, _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>True when this client has used up its failures for the user name; <paramref name="retryAfter"/> says for how long.</summary>
    public bool IsBlocked(string userName, string? client, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(Key(userName, client), permitCount: 0);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return !lease.IsAcquired;
    }

    public void RecordFailure(string userName, string? client)
    {
        using var lease = _limiter.AttemptAcquire(Key(userName, client));
    }

    public void Dispose() => _limiter.Dispose();

    private static string Key(string userName, string? client) => userName.Trim().ToLowerInvariant() + "\n" + (client ?? "unknown");
}
