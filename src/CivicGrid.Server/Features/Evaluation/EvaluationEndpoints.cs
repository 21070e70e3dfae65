using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Platform.Auth;

namespace CivicGrid.Server.Features.Evaluation;

/// <summary>The evaluation and dashboard API. Leaders, administrators and shift leads only; every answer is limited to
/// the caller's data scope (a district-scoped user sees their district's subjects and their district's share of the
/// departments' and positions' work).</summary>
public static class EvaluationEndpoints
{
    public const Roles Readers = Roles.Leader | Roles.Administrator | Roles.ShiftLead;

    public static IEndpointRouteBuilder MapEvaluationEndpoints(this IEndpointRouteBuilder app)
    {
        var evaluation = app.MapGroup("/api/v1/evaluation").WithTags("Evaluation").RequireStaff(Readers);
        evaluation.MapGet("/cases", EvaluationHandlers.Cases).WithName("EvaluationDrillDown")
            .WithSummary("The cases behind a figure: kind, key (optional: all subjects in scope), measure, period; sort=event|number|type|department|place|ontime|status|created, order=asc|desc; paged.");
        evaluation.MapGet("/settings", EvaluationHandlers.Settings).WithName("EvaluationSettings")
            .WithSummary("The weights, case-count bands and grade bands in force for the city.");
        evaluation.MapGet("/{kind}", EvaluationHandlers.Table).WithName("EvaluationTable")
            .WithSummary("Ranked evaluation of district|street|community|grid|department|inspector|intake-operator|shift-lead|dispatcher for a period (2026-11, 2026-Q4, 2026, 2026-11-01..2026-11-15).");
        evaluation.MapGet("/{kind}/export", EvaluationHandlers.Export).WithName("EvaluationExport")
            .WithSummary("The evaluation table as format=xlsx (default) or csv.");

        var dashboard = app.MapGroup("/api/v1/dashboard").WithTags("Evaluation").RequireStaff(Readers);
        dashboard.MapGet("/", EvaluationHandlers.Dashboard).WithName("Dashboard")
            .WithSummary("Headline figures, trend (interval=day|week), breakdowns by type, channel and district, hotspots (grids), recurrent problems and the department league for a period (default: this month).");
        return app;
    }
}
