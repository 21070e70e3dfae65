using System.Globalization;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using CivicGrid.Server.Platform.Auth;

namespace CivicGrid.Server.Features.CommandCentre;

/// <summary>The command centre's read API: the roles that see the /command page, each within their data scope.</summary>
public static class CommandCentreEndpoints
{
    public const Roles Viewers = Roles.ShiftLead | Roles.Dispatcher | Roles.IntakeOperator | Roles.Leader | Roles.Administrator;

    public static IEndpointRouteBuilder MapCommandCentreEndpoints(this IEndpointRouteBuilder app)
    {
        var command = app.MapGroup("/api/v1/command").WithTags("Command centre").RequireStaff(Viewers);
        command.MapGet("/events", Events).WithName("CommandEvents")
            .WithSummary("The latest steps on cases in the caller's data scope, newest first by time, with type and place by name.")
            .WithDescription("Optional count=1–100 (default 20).");
        command.MapGet("/board", async (StaffPrincipal who, CommandCentreBoard board, CancellationToken cancellationToken) =>
                TypedResults.Ok(await board.GetAsync(who.Scope, cancellationToken)))
            .WithName("CommandBoard")
            .WithSummary("Today's figures against yesterday's, the overdue cases, the department league and the last 24 hours' reports, within the caller's data scope.");
        return app;
    }

    private static async Task<Ok<List<RecentStep>>> Events(string? count, StaffPrincipal who, CommandCentreFigures figures, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var take = 20;
        if (!string.IsNullOrEmpty(count) && (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > 100))
            errors.Add("count", "count must be a whole number from 1 to 100.");
        errors.ThrowIfAny();
        return TypedResults.Ok(await figures.RecentStepsAsync(who.Scope, take, cancellationToken));
    }
}
