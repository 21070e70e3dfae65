using System.Reflection;
using System.Text.Json;
using CivicGrid.Server.Platform.Errors;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Platform.Web;

/// <summary>A small JSON request body as a typed handler parameter (<c>JsonBody&lt;CreateCaseRequest&gt; body</c>):
/// read up to <see cref="MaxBytes"/> (more is 413 naming "body", and the rest is not read), deserialised with the
/// API's JSON options (a value that does not fit is 400 naming the field, e.g. "contact.phone"), and kept as the bytes
/// that were sent, so that an Idempotency-Key is checked against a hash of exactly those (<see cref="Sha256"/>).
/// Declares its type as the application/json request body, for OpenAPI and the routing's content-type check.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types",
    Justification = "Minimal APIs look for BindAsync and PopulateMetadata as static members of the parameter's own type.")]
public sealed class JsonBody<T> : IEndpointParameterMetadataProvider where T : class
{
    public const int MaxBytes = 64 * 1024;

    private readonly byte[] _raw;

    private JsonBody(T value, byte[] raw) => (Value, _raw) = (value, raw);

    public T Value { get; }

    /// <summary>The SHA-256 of the body as sent, lower-case hex.</summary>
    /// <summary>The body's bytes as sent (what the staff API's Idempotency-Key hash covers).</summary>
    public ReadOnlySpan<byte> Raw => _raw;

    /// <exception cref="InvalidRequestException">The body is too large (413), not JSON, or a value does not fit (400).</exception>
    public static async ValueTask<JsonBody<T>?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var raw = await ReadAsync(context.Request, context.RequestAborted)
            ?? throw new InvalidRequestException(
                FieldErrors.One("body", $"The body is at most {MaxBytes / 1024} KB of JSON; send photos as attachments."),
                StatusCodes.Status413PayloadTooLarge);
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(raw, options);
        }
        catch (JsonException exception)
        {
            var field = FieldOf(exception.Path);
            throw FieldErrors.Invalid(field, $"{(field == "body" ? "The body" : field)} is not valid here: {exception.Message}");
        }
        return value is null ? throw FieldErrors.Invalid("body", "Send a JSON object.") : new JsonBody<T>(value, raw);
    }

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.Metadata.Add(new AcceptsMetadata(["application/json"], typeof(T)));

    /// <summary>The body, or null when it is larger than <see cref="MaxBytes"/>.</summary>
    private static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>"$.contact.phone" → "contact.phone", "$.photos[2]" → "photos"; "body" when there is no path.</summary>
    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "body";
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        var bracket = field.IndexOf('[', StringComparison.Ordinal);
        if (bracket > 0) field = field[..bracket];
        return field.Length == 0 ? "body" : field;
    }
}
