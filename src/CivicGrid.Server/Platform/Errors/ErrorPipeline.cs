namespace CivicGrid.Server.Platform.Errors;

public static class ErrorPipeline
{
    /// <summary>ProblemDetails for every error under /api, with <see cref="ApiExceptionHandler"/> turning a thrown
    /// <see cref="RequestProblemException"/> into its answer (used by <c>UseExceptionHandler()</c>).</summary>
    public static IServiceCollection AddErrorPipeline(this IServiceCollection services) =>
        services.AddProblemDetails().AddExceptionHandler<ApiExceptionHandler>();
}
