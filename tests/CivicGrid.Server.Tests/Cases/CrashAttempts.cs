using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CivicGrid.Server.Seeding;
using CivicGrid.Server.Tests.Open311;

namespace CivicGrid.Server.Tests.Cases;

/// <summary>The channel a crash-test request comes through: staff intake, Open311 (with a token per answer) or the
/// citizens' public report (with a tracking token per answer).</summary>
public enum CrashChannel { Staff, Open311, Public }

/// <summary>One creation request of the crash test: its Idempotency-Key, a description naming the key, the exact body
/// bytes (a retry must send the same bytes) and what the server answered last.</summary>
public sealed class CrashAttempt(CrashChannel channel, string key)
{
    public const string Marker = "crash test ";

    public CrashChannel Channel { get; } = channel;
    public string Key { get; } = key;
    public string Description { get; } = Marker + key;

    public HttpStatusCode? Status { get; private set; }
    /// <summary>created / replayed (staff and public answers say which; Open311's does not: null).</summary>
    public string? Outcome { get; private set; }
    public string? Number { get; private set; }
    /// <summary>The Open311 token or the public tracking token of the last answer.</summary>
    public string? Token { get; private set; }
    /// <summary>The Open311 token of the first whole answer: a replay must give the same.</summary>
    public string? FirstToken { get; private set; }

    public static HttpStatusCode CreatedStatus(CrashChannel channel) => channel == CrashChannel.Open311 ? HttpStatusCode.OK : HttpStatusCode.Created;

    /// <summary>Sends the request; on a 2xx records the case. Throws when no whole answer arrives.</summary>
    public async Task SendAsync(HttpClient staff, HttpClient anonymous, string apiKey)
    {
        using var request = Request(apiKey);
        request.Headers.Add("Idempotency-Key", Key);
        using var response = await (Channel == CrashChannel.Staff ? staff : anonymous).SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            Status = response.StatusCode;
            return;
        }
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        (Outcome, Number, Token) = Channel switch
        {
            CrashChannel.Staff => (body.GetProperty("outcome").GetString(), body.GetProperty("case").GetProperty("number").GetString(), null),
            CrashChannel.Public => (body.GetProperty("outcome").GetString(), body.GetProperty("number").GetString(),
                body.GetProperty("trackingToken").GetString()),
            _ => (null, body[0].GetProperty("service_request_id").GetString(), body[0].GetProperty("token").GetString()),
        };
        FirstToken ??= Channel == CrashChannel.Open311 ? Token : null;
        Status = response.StatusCode;
    }

    private HttpRequestMessage Request(string apiKey)
    {
        var (lon, lat) = (DemoCity.CentrePoint.Longitude, DemoCity.CentrePoint.Latitude);
        return Channel switch
        {
            CrashChannel.Staff => new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases")
            {
                Content = new StringContent(JsonSerializer.Serialize(Reports.At("06010", description: Description)), Encoding.UTF8, "application/json"),
            },
            CrashChannel.Public => new HttpRequestMessage(HttpMethod.Post, "/api/public/reports")
            {
                Content = new StringContent(JsonSerializer.Serialize(new
                {
                    description = Description, kind = "matter", typeCode = "06010", longitude = lon, latitude = lat,
                }), Encoding.UTF8, "application/json"),
            },
            _ => new HttpRequestMessage(HttpMethod.Post, "/open311/v2/requests.json")
            {
                Content = new FormUrlEncodedContent([.. Forms.ReportAt(lat, lon, "M06010", Description), new("api_key", apiKey)]),
            },
        };
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Channel} {Key}: {Status} {Number}");
}
