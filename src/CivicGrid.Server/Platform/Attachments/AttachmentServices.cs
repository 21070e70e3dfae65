using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Platform.Attachments;

public static class AttachmentServices
{
    /// <summary>Registers the attachment store and its validated options (a bad setting stops the start).</summary>
    public static IServiceCollection AddAttachments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AttachmentOptions>()
            .Bind(configuration.GetSection(AttachmentOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AttachmentOptions>, AttachmentOptionsValidator>();
        services.AddSingleton<AttachmentStore>();
        services.AddScoped<AttachmentUploads>();
        return services;
    }

    private sealed class AttachmentOptionsValidator : IValidateOptions<AttachmentOptions>
    {
        public ValidateOptionsResult Validate(string? name, AttachmentOptions options)
        {
            var problems = options.Validate();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
