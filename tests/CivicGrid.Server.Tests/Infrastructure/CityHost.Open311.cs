using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;

namespace CivicGrid.Server.Tests.Infrastructure;

/// <summary>Intent methods for Open311 GeoReport v2 callers.</summary>
public partial class CityHost<TDatabase>
{
    private string? _open311Key;

    /// <summary>The secret of a live API key, created through the admin API on first use.</summary>
    public async Task<string> Open311Key() => _open311Key ??= await CreateApiKey("Test client");

    /// <summary>An administrator creates an API key; its secret.</summary>
    public async Task<string> CreateApiKey(string name)
    {
        var response = await (await SignInAs("admin")).PostAsJsonAsync("/api/v1/api-keys", new { name, contact = "dev@example.com" });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
    }

    /// <summary>POSTs a form to requests.{format}; adds <see cref="Open311Key"/> unless the fields name an api_key.</summary>
    public async Task<HttpResponseMessage> TryOpen311Submit(IEnumerable<KeyValuePair<string, string>> fields, string format = "json",
        string? idempotencyKey = null, string? acceptLanguage = null)
    {
        var list = fields.ToList();
        if (!list.Any(f => f.Key == "api_key")) list.Add(new("api_key", await Open311Key()));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/open311/v2/requests.{format}") { Content = new FormUrlEncodedContent(list) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (acceptLanguage is not null) request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        return await Anonymous.SendAsync(request);
    }

    /// <summary>Submits a service request; asserts success and returns the one element of the answer.</summary>
    public async Task<JsonElement> Open311Submit(IEnumerable<KeyValuePair<string, string>> fields, string? idempotencyKey = null)
    {
        var response = await TryOpen311Submit(fields, "json", idempotencyKey);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return Assert.Single(JsonDocument.Parse(body).RootElement.EnumerateArray().ToList());
    }

    /// <summary>GETs an Open311 path in JSON; asserts success and the content type.</summary>
    public async Task<JsonElement> Open311Json(string path)
    {
        var response = await Anonymous.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {body}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>GETs an Open311 path in XML; asserts success, the content type and the declaration.</summary>
    public async Task<XElement> Open311Xml(string path)
    {
        var response = await Anonymous.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {body}");
        Assert.StartsWith("text/xml", response.Content.Headers.ContentType?.ToString());
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", body);
        return XDocument.Parse(body).Root!;
    }
}
