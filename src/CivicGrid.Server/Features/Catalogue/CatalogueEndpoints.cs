using CivicGrid.Data;
using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using CivicGrid.Server.Platform.Errors;

namespace CivicGrid.Server.Features.Catalogue;

/// <summary>Read-only catalogue API: classes, types and case standards. Public information (the Open311 service
/// list is built from it), so no sign-in is needed; changes go through import and the administrators' endpoints
/// (<see cref="CatalogueAdminEndpoints"/>).</summary>
public static class CatalogueEndpoints
{
    public static IEndpointRouteBuilder MapCatalogueEndpoints(this IEndpointRouteBuilder app)
    {
        var catalogue = app.MapGroup("/api/v1/catalogue").WithTags("Catalogue").AllowAnonymous();
        catalogue.MapGet("/classes", ListClasses).WithName("ListCatalogueClasses")
            .WithSummary("Major classes of components and matters (GB/T 47678.5-2026 and local extensions).");
        catalogue.MapGet("/types", ListTypes).WithName("ListCatalogueTypes")
            .WithSummary("Component and matter types offered for reports (active, with a case standard); filter by kind (component|matter), major class and text.");
        catalogue.MapGet("/types/{kind}/{code}", GetCatalogueType).WithName("GetCatalogueType")
            .WithSummary("One type with its case standard (立结案标准), if any.");
        app.MapCatalogueAdminEndpoints();
        return app;
    }

    public sealed record ClassDto(string Kind, string MajorCode, string Name, string NameEn, bool IsExtension);

    public sealed record TypeDto(string Kind, string Code, string MajorCode, string Name, string NameEn, string? LegacyCode, bool IsExtension, bool IsActive);

    public sealed record StandardDto(string RegistrationCondition, string ClosingCondition, string DepartmentRule, int? DepartmentId,
        string TimeType, int TimeLimitAmount, bool IsUrgent)
    {
        public static StandardDto From(CaseStandard s) =>
            new(s.RegistrationCondition, s.ClosingCondition, s.DepartmentRule.ToString(), s.DepartmentId, s.TimeType.ToCode(), s.TimeLimitAmount, s.IsUrgent);
    }

    public sealed record TypeDetailDto(TypeDto Type, StandardDto? Standard);

    private static async Task<Ok<List<ClassDto>>> ListClasses(CivicGridDbContext db, CancellationToken cancellationToken)
    {
        var classes = await db.CatalogueClasses.AsNoTracking().OrderBy(c => c.Kind).ThenBy(c => c.MajorCode).ToListAsync(cancellationToken);
        return TypedResults.Ok(classes.Select(c => new ClassDto(KindCode(c.Kind), c.MajorCode, c.Name, c.NameEn, c.IsExtension)).ToList());
    }

    private static async Task<Results<Ok<List<TypeDto>>, ValidationProblem>> ListTypes(
        string? kind, string? major, string? q, CivicGridDbContext db, CancellationToken cancellationToken)
    {
        var query = db.CatalogueTypes.AsNoTracking().Offered(db);
        if (!string.IsNullOrEmpty(kind))
        {
            if (!TryParseKind(kind, out var parsed)) return KindProblem(kind);
            query = query.Where(t => t.Kind == parsed);
        }
        if (!string.IsNullOrEmpty(major)) query = query.Where(t => t.Code.StartsWith(major));
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(t => t.Name.Contains(q) || t.NameEn.Contains(q) || t.Code.StartsWith(q));
        var types = await query.OrderBy(t => t.Kind).ThenBy(t => t.Code).ToListAsync(cancellationToken);
        return TypedResults.Ok(types.Select(ToDto).ToList());
    }

    private static async Task<Results<Ok<TypeDetailDto>, ValidationProblem, ProblemHttpResult>> GetCatalogueType(
        string kind, string code, CivicGridDbContext db, CancellationToken cancellationToken)
    {
        if (!TryParseKind(kind, out var parsed)) return KindProblem(kind);
        var type = await db.CatalogueTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Kind == parsed && t.Code == code, cancellationToken);
        if (type is null)
        {
            return TypedResults.Problem(title: "No such catalogue type",
                detail: $"There is no {KindCode(parsed)} type {code}.", statusCode: StatusCodes.Status404NotFound);
        }
        var standard = await db.CaseStandards.AsNoTracking().SingleOrDefaultAsync(s => s.Kind == parsed && s.TypeCode == code, cancellationToken);
        return TypedResults.Ok(new TypeDetailDto(ToDto(type), standard is null ? null : StandardDto.From(standard)));
    }

    private static TypeDto ToDto(CatalogueType t) => new(KindCode(t.Kind), t.Code, t.MajorCode, t.Name, t.NameEn, t.LegacyCode, t.IsExtension, t.IsActive);

    private static string KindCode(CatalogueKind kind) => kind == CatalogueKind.Component ? "component" : "matter";

    private static bool TryParseKind(string text, out CatalogueKind kind)
    {
        var matter = string.Equals(text, "matter", StringComparison.OrdinalIgnoreCase);
        kind = matter ? CatalogueKind.Matter : CatalogueKind.Component;
        return matter || string.Equals(text, "component", StringComparison.OrdinalIgnoreCase);
    }

    private static ValidationProblem KindProblem(string kind) =>
        TypedResults.ValidationProblem(FieldErrors.One("kind", $"kind must be 'component' or 'matter' (got '{kind}')."));
}
