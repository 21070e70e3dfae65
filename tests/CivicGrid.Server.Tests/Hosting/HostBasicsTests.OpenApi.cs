using System.Text.Json;

namespace CivicGrid.Server.Tests.Hosting;

/// <summary>A generated client can call every write endpoint: each POST and PUT in /openapi/v1.json documents its
/// request body with a schema. The document does not depend on the database, so one provider is enough.</summary>
public sealed partial class HostBasicsTests
{
    /// <summary>Operations that truly take no body: actions named by their path alone.</summary>
    private static readonly HashSet<string> NoBody =
    [
        "POST /api/v1/api-keys/{id}/revoke", // the path names the key and the action; there is nothing to send
        "POST /api/v1/users/{id}/deactivate", // likewise: the path names the user and the action
        "POST /api/v1/users/{id}/reactivate",
    ];

    [Fact]
    public async Task EveryPostAndPut_DocumentsItsRequestBodyWithASchema()
    {
        using var document = JsonDocument.Parse(await city.Anonymous.GetStringAsync("/openapi/v1.json"));
        var operations = WriteOperations(document.RootElement).ToList();
        var missing = operations.Where(o => !NoBody.Contains(o.Name) && !HasBodySchema(o.Operation)).Select(o => o.Name).ToList();

        Assert.Contains(operations, o => o.Name == "POST /api/v1/cases");
        Assert.Contains(operations, o => o.Name == "POST /open311/v2/requests.{format}");
        Assert.True(missing.Count == 0, "Without a request body schema: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task TheAllowListNamesOnlyOperationsThatExist_AndTakeNoBody()
    {
        using var document = JsonDocument.Parse(await city.Anonymous.GetStringAsync("/openapi/v1.json"));
        var operations = WriteOperations(document.RootElement).ToDictionary(o => o.Name, o => o.Operation);
        foreach (var name in NoBody)
        {
            Assert.True(operations.TryGetValue(name, out var operation), $"{name} is not in the document");
            Assert.False(operation.TryGetProperty("requestBody", out _), $"{name} documents a body: take it off the allow-list");
        }
    }

    [Fact]
    public async Task TheCaseReport_DocumentsItsFields()
    {
        using var document = JsonDocument.Parse(await city.Anonymous.GetStringAsync("/openapi/v1.json"));
        var body = document.RootElement.GetProperty("paths").GetProperty("/api/v1/cases").GetProperty("post").GetProperty("requestBody");
        var schema = body.GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var properties = Resolve(document.RootElement, schema).GetProperty("properties");
        Assert.True(properties.TryGetProperty("description", out _));
        Assert.True(properties.TryGetProperty("latitude", out _));
    }

    private static IEnumerable<(string Name, JsonElement Operation)> WriteOperations(JsonElement root)
    {
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in new[] { "post", "put", "patch" })
            {
                if (path.Value.TryGetProperty(method, out var operation))
                    yield return ($"{method.ToUpperInvariant()} {path.Name}", operation);
            }
        }
    }

    private static bool HasBodySchema(JsonElement operation) =>
        operation.TryGetProperty("requestBody", out var body)
        && body.TryGetProperty("content", out var content)
        && content.EnumerateObject().Any(c => c.Value.TryGetProperty("schema", out _));

    private static JsonElement Resolve(JsonElement root, JsonElement schema)
    {
        if (!schema.TryGetProperty("$ref", out var reference)) return schema;
        var name = reference.GetString()!.Split('/')[^1];
        return root.GetProperty("components").GetProperty("schemas").GetProperty(name);
    }
}
