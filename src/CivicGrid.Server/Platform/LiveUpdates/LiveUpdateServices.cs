namespace CivicGrid.Server.Platform.LiveUpdates;

public static class LiveUpdateServices
{
    /// <summary>Cross-instance signals (CLI and server) and, in the server, the PostgreSQL relay of live updates;
    /// the relay does nothing on SQLite.</summary>
    public static IServiceCollection AddClusterSignals(this IServiceCollection services)
    {
        services.AddSingleton<ClusterSignals>();
        return services;
    }

    public static IServiceCollection AddLiveUpdateRelay(this IServiceCollection services)
    {
        services.AddSingleton<PostgresCaseEventRelay>();
        services.AddHostedService(provider => provider.GetRequiredService<PostgresCaseEventRelay>());
        return services;
    }
}
