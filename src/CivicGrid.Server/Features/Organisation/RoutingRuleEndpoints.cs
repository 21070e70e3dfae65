using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Server.Features.Organisation;

/// <summary>Administrators keep the dispatch routing rules on the internal API (the staff UI's routing page calls the
/// same <see cref="RoutingRuleAdministration"/>).</summary>
public static class RoutingRuleEndpoints
{
    public static IEndpointRouteBuilder MapRoutingRuleEndpoints(this IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/api/v1/routing-rules").WithTags("Routing rules").RequireStaff(Roles.Administrator);
        rules.MapGet("/", List).WithName("ListRoutingRules").WithSummary("The city's routing rules (type + area → department).");
        rules.MapGet("/{id:int}", Get).WithName("GetRoutingRule").WithSummary("One routing rule.");
        rules.MapPost("/", Add).WithName("AddRoutingRule")
            .WithSummary("Adds a rule: {kind, typeCode (none: any type), areaCode (district, street, community or grid prefix; none: the whole city), departmentId, priority}. 409 when a rule for the type and area exists.");
        rules.MapPut("/{id:int}", Update).WithName("UpdateRoutingRule")
            .WithSummary("Replaces a rule's fields; isActive=false switches it off (an omitted isActive is kept).");
        rules.MapDelete("/{id:int}", Delete).WithName("DeleteRoutingRule").WithSummary("Deletes a rule.");
        return app;
    }

    public sealed record RoutingRuleDto(int Id, string? Kind, string? TypeCode, string? AreaCode, int DepartmentId, int Priority, bool IsActive)
    {
        public static RoutingRuleDto From(RoutingRule r) => new(r.Id, r.Kind is { } kind ? CatalogueAdministration.KindCode(kind) : null,
            r.TypeCode, r.AreaCode, r.DepartmentId, r.Priority, r.IsActive);
    }

    private static async Task<Ok<List<RoutingRuleDto>>> List(StaffPrincipal who, RoutingRuleAdministration rules, CancellationToken cancellationToken) =>
        TypedResults.Ok((await rules.ListAsync(who.CityCode, cancellationToken)).Select(RoutingRuleDto.From).ToList());

    private static async Task<Results<Ok<RoutingRuleDto>, ProblemHttpResult>> Get(int id, StaffPrincipal who, RoutingRuleAdministration rules,
        CancellationToken cancellationToken) =>
        await rules.GetAsync(who.CityCode, id, cancellationToken) is { } rule
            ? TypedResults.Ok(RoutingRuleDto.From(rule))
            : NotFound(id);

    private static async Task<Results<Created<RoutingRuleDto>, ValidationProblem, ProblemHttpResult>> Add(
        RoutingRuleChange? body, StaffPrincipal who, RoutingRuleAdministration rules, CancellationToken cancellationToken) =>
        (await rules.AddAsync(who.CityCode, body ?? Empty, who.UserName, cancellationToken))
        .ToCreated(RoutingRuleDto.From, r => $"/api/v1/routing-rules/{r.Id}");

    private static async Task<Results<Ok<RoutingRuleDto>, ValidationProblem, ProblemHttpResult>> Update(
        int id, RoutingRuleChange? body, StaffPrincipal who, RoutingRuleAdministration rules, CancellationToken cancellationToken) =>
        (await rules.UpdateAsync(who.CityCode, id, body ?? Empty, who.UserName, cancellationToken)).ToHttp(RoutingRuleDto.From);

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(int id, StaffPrincipal who, RoutingRuleAdministration rules,
        CancellationToken cancellationToken) =>
        await rules.DeleteAsync(who.CityCode, id, who.UserName, cancellationToken) ? TypedResults.NoContent() : NotFound(id);

    private static ProblemHttpResult NotFound(int id) => AccessCheck.NotFound($"routing rule {id}");

    private static readonly RoutingRuleChange Empty = new(null, null, null, null, null);
}
