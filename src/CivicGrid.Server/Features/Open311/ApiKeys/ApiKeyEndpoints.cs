using System.ComponentModel.DataAnnotations;
using CivicGrid.Data;
using CivicGrid.Domain.OpenPlatform;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using CivicGrid.Server.Platform.Errors;

namespace CivicGrid.Server.Features.Open311.ApiKeys;

/// <summary>Administrators give each Open311 client its own key (the secret is shown once), see usage, and revoke.</summary>
public static class ApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/v1/api-keys").WithTags("API keys").RequireStaff(Roles.Administrator);
        keys.MapPost("/", Create).WithName("CreateApiKey")
            .WithSummary("Creates a key for an Open311 client: {\"name\": \"…\", \"contact\": \"…\"}. The secret is in this answer only.");
        keys.MapGet("/", List).WithName("ListApiKeys").WithSummary("All keys with their usage (request count, last used).");
        keys.MapPost("/{id:int}/revoke", Revoke).WithName("RevokeApiKey").WithSummary("Revokes a key at once; its rows stay for the record.");
        return app;
    }

    /// <summary>The rules are declared here and checked before the handler (ADR 0016).</summary>
    public sealed record CreateApiKeyRequest(
        [Required(ErrorMessage = "name is required: the client the key is for.")]
        [MaxLength(128, ErrorMessage = "name is at most 128 characters.")] string? Name,
        [MaxLength(256, ErrorMessage = "contact is at most 256 characters.")] string? Contact);

    public sealed record ApiKeyDto(int Id, string Name, string? Contact, string Prefix, DateTimeOffset CreatedAt,
        DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt, long RequestCount)
    {
        public static ApiKeyDto From(ApiKey k) => new(k.Id, k.Name, k.Contact, k.Prefix, k.CreatedAt, k.RevokedAt, k.LastUsedAt, k.RequestCount);
    }

    /// <summary>The new key with its secret: give the secret to the client now; it cannot be shown again.</summary>
    public sealed record CreatedApiKeyDto(ApiKeyDto Key, string Secret);

    private static async Task<Results<Created<CreatedApiKeyDto>, ValidationProblem>> Create(
        CreateApiKeyRequest? body, StaffPrincipal who, CivicGridDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        // The fields' rules are declared on CreateApiKeyRequest and checked before this runs; a null body skips them.
        if (body is null) throw FieldErrors.Invalid("body", "Send a JSON object with the client's name.");
        var secret = ApiKeySecrets.NewSecret();
        var key = new ApiKey
        {
            Name = body.Name!.Trim(), Contact = string.IsNullOrWhiteSpace(body.Contact) ? null : body.Contact.Trim(),
            Prefix = ApiKeySecrets.PrefixOf(secret), SecretHash = ApiKeySecrets.Hash(secret),
            CreatedAt = time.GetUtcNow(), CreatedByUserId = who.UserId,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/api-keys/{key.Id}", new CreatedApiKeyDto(ApiKeyDto.From(key), secret));
    }

    private static async Task<Ok<List<ApiKeyDto>>> List(CivicGridDbContext db, ApiKeyUsage usage, CancellationToken cancellationToken)
    {
        await usage.FlushAsync(cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(keys.Select(ApiKeyDto.From).ToList());
    }

    private static async Task<Results<Ok<ApiKeyDto>, ProblemHttpResult>> Revoke(
        int id, CivicGridDbContext db, TimeProvider time, ApiKeyUsage usage, ApiKeyCache cache, CancellationToken cancellationToken)
    {
        await usage.FlushAsync(cancellationToken);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null) return AccessCheck.NotFound($"API key {id}");
        if (key.RevokedAt is null)
        {
            key.RevokedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            cache.KeysChanged();
        }
        return TypedResults.Ok(ApiKeyDto.From(key));
    }
}
