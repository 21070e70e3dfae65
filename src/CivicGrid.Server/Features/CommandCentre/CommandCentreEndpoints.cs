using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Platform.Auth;

namespace CivicGrid.Server.Features.CommandCentre;

/// <summary>The command centre's read API: the roles that see the /command page, each within their data scope.</summary>
public static class CommandCentreEndpoints
{
    public const Roles Viewers = Roles.ShiftLead | Roles.Dispatcher | Roles.IntakeOperator | Roles.Leader | Roles.Administrator;

    public static IEndpointRouteBuilder MapCommandCentreEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/command").WithTags("Command centre").RequireStaff(Viewers)
            .MapGet("/board", async (StaffPrincipal who, CommandCentreBoard board, CancellationToken cancellationToken) =>
                TypedResults.Ok(await board.GetAsync(who.Scope, cancellationToken)))
            .WithName("CommandBoard")
            .WithSummary("Today's figures against yesterday's, the overdue cases, the department league and the last 24 hours' reports, within the caller's data scope.");
        return app;
    }
}
