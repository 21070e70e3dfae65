using CivicGrid.Server.Features.Cases;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.Notifications;

public static class NotificationServices
{
    /// <summary>The outbox observer, the default log-file sender (replace <see cref="INotificationSender"/> to use a
    /// gateway), the outbox sender and its background job (started by the server only).</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, OptionsValidator>();
        services.AddScoped<ICaseStepObserver, ReporterNotifications>();
        services.TryAddSingleton<INotificationSender, LogFileNotificationSender>();
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<NotificationOutboxSender>(provider));
        services.AddHostedService<NotificationSendingJob>();
        return services;
    }

    private sealed class OptionsValidator : IValidateOptions<NotificationOptions>
    {
        public ValidateOptionsResult Validate(string? name, NotificationOptions options) =>
            options.Validate() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
