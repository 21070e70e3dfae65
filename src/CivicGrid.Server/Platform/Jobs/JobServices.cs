namespace CivicGrid.Server.Platform.Jobs;

public static class JobServices
{
    /// <summary>Job leases and this instance's identity; used by the server's background jobs.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddSingleton<InstanceIdentity>();
        services.AddSingleton<JobLeases>();
        return services;
    }
}
