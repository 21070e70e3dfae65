using System.ComponentModel.DataAnnotations;
using CivicGrid.Data;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Features.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using CivicGrid.Server.Platform.Auth;
using CivicGrid.Server.Platform.Errors;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>Administrators mark catalogue types sensitive (PUT /api/v1/catalogue/types/{kind}/{code}/sensitivity):
/// the public map then shows cases of the type only at a blurred position and without photos.</summary>
public static class SensitiveTypeHandlers
{
    public const Roles Editors = Roles.Administrator;

    public sealed record SensitivityInput([Required(ErrorMessage = "sensitive is required (true or false).")] bool? Sensitive);

    public sealed record SensitivityDto(string Kind, string Code, string Name, bool IsSensitive);

    public static async Task<Results<Ok<SensitivityDto>, ValidationProblem, ProblemHttpResult>> Set(
        string kind, string code, SensitivityInput input, CivicGridDbContext db, ReferenceDataChanges changes, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<CatalogueKind>(kind, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            throw FieldErrors.Invalid("kind", "kind must be component or matter.");
        var type = await db.CatalogueTypes.SingleOrDefaultAsync(t => t.Kind == parsed && t.Code == code, cancellationToken);
        if (type is null)
            return AccessCheck.NotFound($"{kind} type {code}");
        type.IsSensitive = input.Sensitive!.Value;
        await db.SaveChangesAsync(cancellationToken);
        changes.NotifyChanged();
        return TypedResults.Ok(new SensitivityDto(PublicTracking.KindCode(type.Kind)!, type.Code, type.Name, type.IsSensitive));
    }
}
