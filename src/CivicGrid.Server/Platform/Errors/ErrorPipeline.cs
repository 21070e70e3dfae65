
namespace CivicGrid.Server.Platform.Errors;

public static class ErrorPipeline
{
    /// <summary>ProblemDetails for every error under /api, with <see cref="ApiExceptionHandler"/> turning a thrown
    /// <see cref="RequestProblemException"/> into its answer (used by <c>UseExceptionHandler()</c>), and the rules
    /// declared on request types (DataAnnotations, checked by ASP.NET Core's validation before the handler runs)
    /// answered in the same shape: a ValidationProblem keyed by the JSON field name (<see cref="FieldNames"/>).
    /// Open311 keeps its own error format: its group disables this validation.</summary>
    public static IServiceCollection AddErrorPipeline(this IServiceCollection services)
    {
        services.AddValidation();
        return services
            .AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
            {
                if (context.ProblemDetails is HttpValidationProblemDetails validation) FieldNames.CamelCase(validation.Errors);
            })
            .AddExceptionHandler<ApiExceptionHandler>();
    }
}
