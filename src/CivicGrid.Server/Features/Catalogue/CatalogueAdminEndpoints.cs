using CivicGrid.Data;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using CivicGrid.Server.Platform.Errors;

namespace CivicGrid.Server.Features.Catalogue;

/// <summary>Administrators' changes to the catalogue on the internal API (the staff UI's administration pages call
/// the same <see cref="CatalogueAdministration"/>): add a type, change its names and flags (isActive=false
/// deactivates it), and set its case standard. A type is offered for reports only once it has a standard: a new type of
/// a standard class starts with its class's shipped one, a type of an extension class waits for one (docs/adr/0014).</summary>
public static class CatalogueAdminEndpoints
{
    public static IEndpointRouteBuilder MapCatalogueAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/catalogue").WithTags("Catalogue").RequireStaff(Roles.Administrator);
        admin.MapPost("/types", AddType).WithName("AddCatalogueType")
            .WithSummary("Adds a type to an existing major class: {kind, code (5 digits, GB/T 47678.5), name, nameEn, legacyCode, isExtension, isSensitive}. 409 when the code exists.");
        admin.MapPut("/types/{kind}/{code}", UpdateType).WithName("UpdateCatalogueType")
            .WithSummary("Changes a type's names and flags; omitted fields keep their value; isActive=false deactivates it (types are never deleted).");
        admin.MapPut("/types/{kind}/{code}/standard", SaveStandard).WithName("SaveCaseStandard")
            .WithSummary("Sets the type's case standard (立结案标准): conditions, departmentRule, departmentId, timeType, timeLimitAmount, isUrgent. Applies to stages started afterwards.");
        return app;
    }

    public sealed record AddTypeRequest(string? Kind, string? Code, string? Name, string? NameEn, string? LegacyCode,
        bool? IsExtension, bool? IsSensitive, bool? IsActive);

    /// <summary>A type as the administrator sees it; <c>isOffered</c>: active and with a case standard, so intake offers it.</summary>
    public sealed record AdminTypeDto(string Kind, string Code, string Name, string NameEn, string? LegacyCode, bool IsExtension, bool IsSensitive,
        bool IsActive, bool IsOffered)
    {
        public static AdminTypeDto From(CatalogueType t, bool offered) =>
            new(CatalogueAdministration.KindCode(t.Kind), t.Code, t.Name, t.NameEn, t.LegacyCode, t.IsExtension, t.IsSensitive, t.IsActive, offered);
    }

    public sealed record AdminStandardDto(string Kind, string TypeCode, CatalogueEndpoints.StandardDto Standard)
    {
        public static AdminStandardDto From(CaseStandard s) => new(CatalogueAdministration.KindCode(s.Kind), s.TypeCode, CatalogueEndpoints.StandardDto.From(s));
    }

    private static async Task<Results<Created<AdminTypeDto>, ValidationProblem, ProblemHttpResult>> AddType(
        AddTypeRequest? body, StaffPrincipal who, CatalogueAdministration catalogue, CivicGridDbContext db, CancellationToken cancellationToken)
    {
        var change = new CatalogueTypeChange(body?.Name, body?.NameEn, body?.LegacyCode, body?.IsExtension, body?.IsSensitive, body?.IsActive);
        var result = await catalogue.AddTypeAsync(body?.Kind, body?.Code, change, who.UserName, cancellationToken);
        var offered = await IsOfferedAsync(db, result.Value, cancellationToken);
        return result.ToCreated(t => AdminTypeDto.From(t, offered), t => $"/api/v1/catalogue/types/{CatalogueAdministration.KindCode(t.Kind)}/{t.Code}");
    }

    private static async Task<Results<Ok<AdminTypeDto>, ValidationProblem, ProblemHttpResult>> UpdateType(
        string kind, string code, CatalogueTypeChange? body, StaffPrincipal who, CatalogueAdministration catalogue, CivicGridDbContext db,
        CancellationToken cancellationToken)
    {
        if (!CatalogueAdministration.TryParseKind(kind, out var parsed)) return KindProblem(kind);
        var result = await catalogue.UpdateTypeAsync(parsed, code, body ?? new CatalogueTypeChange(null, null, null, null, null, null), who.UserName, cancellationToken);
        var offered = await IsOfferedAsync(db, result.Value, cancellationToken);
        return result.ToHttp(t => AdminTypeDto.From(t, offered));
    }

    private static async Task<bool> IsOfferedAsync(CivicGridDbContext db, CatalogueType? type, CancellationToken cancellationToken) =>
        type is not null && await db.CatalogueTypes.Where(t => t.Kind == type.Kind && t.Code == type.Code).Offered(db).AnyAsync(cancellationToken);

    private static async Task<Results<Ok<AdminStandardDto>, ValidationProblem, ProblemHttpResult>> SaveStandard(
        string kind, string code, CaseStandardChange? body, StaffPrincipal who, CatalogueAdministration catalogue, CancellationToken cancellationToken)
    {
        if (!CatalogueAdministration.TryParseKind(kind, out var parsed)) return KindProblem(kind);
        var result = await catalogue.SaveStandardAsync(parsed, code, body ?? new CaseStandardChange(null, null, null, null, null, null, null), who.UserName, cancellationToken);
        return result.ToHttp(AdminStandardDto.From);
    }

    private static ValidationProblem KindProblem(string kind) =>
        TypedResults.ValidationProblem(FieldErrors.One("kind", $"kind must be 'component' or 'matter' (got '{kind}')."));
}
