using CivicGrid.Server.Features.Cases;

namespace CivicGrid.Server.Features.Evaluation;

public static class EvaluationServices
{
    /// <summary>The roll-up observer (every case step), the evaluation, drill-down, dashboard and rebuild services, and the
    /// settings (section <c>Evaluation</c>), and satisfaction from the citizens' ratings (<see cref="CaseRatingSatisfaction"/>).</summary>
    public static IServiceCollection AddEvaluation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EvaluationOptions>().Bind(configuration.GetSection(EvaluationOptions.Section));
        services.AddScoped<ICaseStepObserver, EvaluationStepObserver>();
        services.AddScoped<ISatisfactionSource, CaseRatingSatisfaction>();
        services.AddScoped<EvaluationService>();
        services.AddScoped<EvaluationDrillDown>();
        services.AddScoped<DashboardService>();
        services.AddSingleton<DashboardCache>();
        services.AddScoped<EvaluationRebuild>();
        return services;
    }
}
