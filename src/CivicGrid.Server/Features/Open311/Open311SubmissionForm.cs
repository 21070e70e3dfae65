using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CivicGrid.Server.Features.Open311;

/// <summary>The form fields of POST requests.{format} (GeoReport v2, application/x-www-form-urlencoded), as the
/// OpenAPI document shows them. The handler reads the body itself with <see cref="Open311Form"/> (strict UTF-8, no
/// repeated names) after the per-address rate limit, so the body is documented here rather than bound as a
/// parameter. Attributes are sent as <c>attribute[code]=value</c> (see the service definition).</summary>
public sealed record Open311SubmissionForm(
    [property: JsonPropertyName("api_key")] string ApiKey,
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("lat")] double Lat,
    [property: JsonPropertyName("long")] double Long,
    [property: JsonPropertyName("jurisdiction_id")] string? JurisdictionId = null,
    [property: JsonPropertyName("crs")] string? Crs = null,
    [property: JsonPropertyName("address_string")] string? AddressString = null,
    [property: JsonPropertyName("description")] string? Description = null,
    [property: JsonPropertyName("email")] string? Email = null,
    [property: JsonPropertyName("phone")] string? Phone = null,
    [property: JsonPropertyName("first_name")] string? FirstName = null,
    [property: JsonPropertyName("last_name")] string? LastName = null,
    [property: JsonPropertyName("device_id")] string? DeviceId = null,
    [property: JsonPropertyName("account_id")] string? AccountId = null,
    [property: JsonPropertyName("media_url")] string? MediaUrl = null)
{
    public const string ContentType = "application/x-www-form-urlencoded";

    /// <summary>Declares this form as the operation's request body in the OpenAPI document.</summary>
    public static RouteHandlerBuilder Document(RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(Open311SubmissionForm), null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { [ContentType] = new() { Schema = schema } },
            };
        });
}
