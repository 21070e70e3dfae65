using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Tests.Attachments;

namespace CivicGrid.Server.Tests.Infrastructure;

/// <summary>Intent methods for the citizens' public service API (anonymous).</summary>
public partial class CityHost<TDatabase>
{
    /// <summary>A citizen uploads a phone photo (with GPS in its EXIF); its upload id.</summary>
    public async Task<string> UploadPublicPhoto()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(TestImages.JpegWithGps()), "file", "IMG_0001.jpg" } };
        var response = await Anonymous.PostAsync("/api/public/photos", form);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("uploadId").GetString()!;
    }

    /// <summary>A citizen reports; asserts success and returns the receipt (number, trackingToken …).</summary>
    public async Task<JsonElement> PublicReport(object report, string? idempotencyKey = null)
    {
        var response = await TryPublicReport(report, idempotencyKey);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A citizen reports; the raw answer.</summary>
    public async Task<HttpResponseMessage> TryPublicReport(object report, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/public/reports") { Content = JsonContent.Create(report) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await Anonymous.SendAsync(request);
    }

    /// <summary>A citizen follows a report with its tracking token.</summary>
    public async Task<JsonElement> Track(string token) =>
        await Anonymous.GetFromJsonAsync<JsonElement>($"/api/public/track/{token}");
}
