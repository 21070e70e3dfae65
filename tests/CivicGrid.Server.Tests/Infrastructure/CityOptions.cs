namespace CivicGrid.Server.Tests.Infrastructure;

/// <summary>How a <see cref="CityHost{TDatabase}"/> starts its server. The default is the small demo city with limits
/// high enough not to interfere; a test class that needs other settings says so with <see cref="With"/>.</summary>
public sealed record CityOptions
{
    /// <summary>The small demo city, its users signed in with the test password, public and Open311 limits out of
    /// the way, and the background notification sender off (notification tests run the outbox sender themselves).</summary>
    public static CityOptions DemoCity { get; } = new()
    {
        Demo = true,
        Settings =
        [
            "--PublicService:ReportsPerIpPerMinute=100000", "--PublicService:UploadsPerIpPerMinute=100000", "--PublicService:LookupsPerIpPerMinute=100000",
            "--Open311:SubmissionsPerKeyPerMinute=1000000", "--Open311:SubmissionsPerIpPerMinute=1000000",
            "--Notifications:SendInBackground=false",
        ],
    };

    /// <summary>An empty database (migrated, with the standard catalogue the server seeds on start, no demo city):
    /// for imports and tests that build their own city.</summary>
    public static CityOptions EmptyCity { get; } = new() { Demo = false };

    /// <summary>Seed the small demo city into the empty database.</summary>
    public bool Demo { get; init; }

    /// <summary>Command-line settings for the server; later ones win, so <see cref="With"/> overrides the defaults.</summary>
    public IReadOnlyList<string> Settings { get; init; } = [];

    /// <summary>Adds to the host being built (a log sink, a test service).</summary>
    public Action<WebApplicationBuilder>? Configure { get; init; }

    /// <summary>These options plus more settings (which override earlier ones).</summary>
    public CityOptions With(params string[] settings) => this with { Settings = [.. Settings, .. settings] };
}
