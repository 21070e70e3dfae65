namespace CivicGrid.Server.Features.Notifications;

/// <summary>The "Notifications" configuration section: the outbox sender's pace, lease and back-off.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Run the background sender in this server (tests turn it off and call RunOnceAsync).</summary>
    public bool SendInBackground { get; set; } = true;

    /// <summary>How long the sender rests when the outbox is empty.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>At most this many messages are claimed at once; their sending is marked with one commit.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>A claim lasts this long; an instance that dies leaves its messages to others after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait after the first failure; it doubles with each further failure …</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>… up to this; a message is never given up.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>This instance's name in ClaimedBy; default host/process/random.</summary>
    public string? InstanceId { get; set; }

    /// <summary>The public address of the server (https://city.example.cn): messages carry the case's short link under
    /// it (…/t/{code}). Without it they carry the bare path /t/{code}; set it in production.</summary>
    public string? PublicBaseUrl { get; set; }

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!string.IsNullOrEmpty(PublicBaseUrl) && !(Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
            problems.Add($"{Section}:PublicBaseUrl must be an absolute http or https address, e.g. https://city.example.cn.");
        if (Interval < TimeSpan.FromMilliseconds(100)) problems.Add($"{Section}:Interval must be at least 100 ms.");
        if (BatchSize is < 1 or > 1000) problems.Add($"{Section}:BatchSize must be between 1 and 1000.");
        if (Lease < TimeSpan.FromSeconds(5)) problems.Add($"{Section}:Lease must be at least 5 seconds.");
        if (RetryBaseDelay < TimeSpan.FromSeconds(1)) problems.Add($"{Section}:RetryBaseDelay must be at least one second.");
        if (MaxRetryDelay < RetryBaseDelay) problems.Add($"{Section}:MaxRetryDelay must be at least RetryBaseDelay.");
        if (InstanceId is { Length: > 100 }) problems.Add($"{Section}:InstanceId is at most 100 characters.");
        return problems;
    }
}
