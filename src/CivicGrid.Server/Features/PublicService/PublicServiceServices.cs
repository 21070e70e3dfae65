using CivicGrid.Server.Features.Cases;
using CivicGrid.Server.Features.Notifications;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.PublicService;

public static class PublicServiceServices
{
    /// <summary>The public service (reports, tracking, map, notices, photo clean-up) and the reporter notifications.</summary>
    public static IServiceCollection AddPublicService(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublicServiceOptions>().Bind(configuration.GetSection(PublicServiceOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PublicServiceOptions>, OptionsValidator>();
        services.Configure<RateLimiterOptions>(PublicSubmissionLimits.Configure);
        services.AddScoped<PublicPhotos>();
        services.AddScoped<PublicReports>();
        services.AddScoped<PublicTracking>();
        services.AddScoped<PublicCaseMap>();
        services.AddScoped<CaseLookup>();
        services.AddScoped<CaseFollowing>();
        services.AddSingleton<LookupGuard>();
        services.AddSingleton<CitizenProblems>();
        services.AddScoped<PublicCases>();
        services.AddScoped<PublicTextReview>();
        services.AddScoped<NearbyReports>();
        services.AddSingleton(new CasePagePanel(typeof(Pages.PublicContentPanel)));
        services.AddSingleton<PublicCasePrivacy>();
        services.AddScoped<Notices>();
        services.AddHostedService<UnattachedPhotoCleanup>();
        services.AddNotifications(configuration);
        return services;
    }

    private sealed class OptionsValidator : IValidateOptions<PublicServiceOptions>
    {
        public ValidateOptionsResult Validate(string? name, PublicServiceOptions options) =>
            options.Validate() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
