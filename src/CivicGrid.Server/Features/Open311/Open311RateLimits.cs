using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.Open311;

/// <summary>Fixed one-minute windows of submissions per client IP and per API key. Kept in the handler rather than
/// the rate limiting middleware because the key is in the form body and the refusal must be in the Open311 error
/// format. The IP is checked before anything else is read; the key once it is known.</summary>
public sealed class Open311RateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perIp;
    private readonly PartitionedRateLimiter<int> _perKey;

    public Open311RateLimits(IOptions<Open311Options> options)
    {
        var o = options.Value;
        // The partitioners and window factories are made once: acquiring a permit allocates nothing (issue 16).
        var perIp = new FixedWindowRateLimiterOptions { PermitLimit = o.SubmissionsPerIpPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
        var perKey = new FixedWindowRateLimiterOptions { PermitLimit = o.SubmissionsPerKeyPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
        Func<string, FixedWindowRateLimiterOptions> ipWindow = _ => perIp;
        Func<int, FixedWindowRateLimiterOptions> keyWindow = _ => perKey;
        _perIp = PartitionedRateLimiter.Create<string, string>(ip => RateLimitPartition.GetFixedWindowLimiter(ip, ipWindow));
        _perKey = PartitionedRateLimiter.Create<int, int>(key => RateLimitPartition.GetFixedWindowLimiter(key, keyWindow));
    }

    /// <summary>True when the address may submit now; otherwise how long it must wait.</summary>
    public bool TryAcquireIp(string ip, out TimeSpan retryAfter) => TryAcquire(_perIp, ip, out retryAfter);

    public bool TryAcquireKey(int apiKeyId, out TimeSpan retryAfter) => TryAcquire(_perKey, apiKeyId, out retryAfter);

    private static bool TryAcquire<T>(PartitionedRateLimiter<T> limiter, T partition, out TimeSpan retryAfter)
    {
        using var lease = limiter.AttemptAcquire(partition);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        _perIp.Dispose();
        _perKey.Dispose();
    }
}
