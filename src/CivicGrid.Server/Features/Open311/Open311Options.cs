namespace CivicGrid.Server.Features.Open311;

/// <summary>The "Open311" configuration section.</summary>
public sealed class Open311Options
{
    public const string Section = "Open311";

    /// <summary>Submissions (POST requests) one API key may make per minute.</summary>
    public int SubmissionsPerKeyPerMinute { get; set; } = 120;

    /// <summary>Submissions one client IP address may make per minute, whatever the key.</summary>
    public int SubmissionsPerIpPerMinute { get; set; } = 30;

    /// <summary>How often request counts of API keys are written to the database.</summary>
    public TimeSpan UsageFlushInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>GET requests without dates covers this many days back (the spec's 90).</summary>
    public int DefaultWindowDays { get; set; } = 90;

    /// <summary>At most this many requests (or updates) in one answer (the spec's 1,000); page_size may ask for fewer.</summary>
    public int MaxResults { get; set; } = 1000;

    /// <summary>The contact published in discovery.</summary>
    public string Contact { get; set; } = "Please contact the city management command centre (城市运行管理服务中心).";

    /// <summary>Where clients ask for a key, published in discovery.</summary>
    public string KeyService { get; set; } = "API keys are issued by the city's platform administrator.";

    /// <summary>How long an instance keeps an API key it read before reading it again; a revocation through the API
    /// reaches every instance at once anyway. 0 reads on every request.</summary>
    public TimeSpan ApiKeyCacheLifetime { get; set; } = TimeSpan.FromSeconds(1);

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (SubmissionsPerKeyPerMinute is < 1 or > 1_000_000) problems.Add($"{Section}:SubmissionsPerKeyPerMinute must be between 1 and 1000000.");
        if (SubmissionsPerIpPerMinute is < 1 or > 1_000_000) problems.Add($"{Section}:SubmissionsPerIpPerMinute must be between 1 and 1000000.");
        if (UsageFlushInterval < TimeSpan.FromSeconds(1) || UsageFlushInterval > TimeSpan.FromHours(1)) problems.Add($"{Section}:UsageFlushInterval must be between 1 second and 1 hour.");
        if (DefaultWindowDays is < 1 or > 3660) problems.Add($"{Section}:DefaultWindowDays must be between 1 and 3660.");
        // At most 2,000: page runs to 1,000,000, and (page - 1) × page_size must stay an int (no wrap to page 1).
        if (MaxResults is < 1 or > 2_000) problems.Add($"{Section}:MaxResults must be between 1 and 2000.");
        if (ApiKeyCacheLifetime < TimeSpan.Zero || ApiKeyCacheLifetime > TimeSpan.FromMinutes(5)) problems.Add($"{Section}:ApiKeyCacheLifetime must be between 00:00:00 and 00:05:00.");
        return problems;
    }
}
