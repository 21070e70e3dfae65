using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Tests.Auth;
using CivicGrid.Server.Tests.Open311;

namespace CivicGrid.Server.Tests.Production;

public sealed partial class InstanceSharingTests
{
    private static readonly string[] OperatorRole = ["IntakeOperator"];

    /// <summary>Issue 16: the user check is cached per instance, and a deactivation still stops the user's token on the
    /// other instance within a second (the cache lifetime here is a minute: only the signal can do it).</summary>
    [Fact]
    public async Task AUserDeactivatedOnA_IsRefusedOnB_WithinASecond_ThoughBCachedTheUser()
    {
        var admin = await AuthorizedAsync(_a.Client, "admin");
        var created = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "cache.test", displayName = "缓存测试", password = StaffAccounts.Password, roles = OperatorRole,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var user = await AuthorizedAsync(_b.Client, "cache.test");
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/v1/auth/me")).StatusCode); // B has read (and cached) the user

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/users/{id}/deactivate", null)).StatusCode);
        var refusedAfter = await TimeUntilAsync(async () => (await user.GetAsync("/api/v1/auth/me")).StatusCode == HttpStatusCode.Unauthorized);

        Assert.True(refusedAfter < TimeSpan.FromSeconds(1), $"refused on B only after {refusedAfter.TotalMilliseconds:N0} ms");
    }

    /// <summary>Issue 16: API keys are cached per instance, and a revocation on one instance refuses the key on the
    /// other within a second.</summary>
    [Fact]
    public async Task AKeyRevokedOnA_IsRefusedOnB_WithinASecond_ThoughBCachedTheKey()
    {
        var admin = await AuthorizedAsync(_a.Client, "admin");
        var created = await (await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "cache test client" })).Content.ReadFromJsonAsync<JsonElement>();
        var (keyId, secret) = (created.GetProperty("key").GetProperty("id").GetInt32(), created.GetProperty("secret").GetString()!);
        Task<HttpResponseMessage> SubmitOnB() => _b.Client.PostAsync("/open311/v2/requests.json",
            new FormUrlEncodedContent([.. Forms.Report(description: "缓存测试 " + Guid.NewGuid()), new("api_key", secret)]));
        Assert.Equal(HttpStatusCode.OK, (await SubmitOnB()).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/api-keys/{keyId}/revoke", null)).StatusCode);
        var refusedAfter = await TimeUntilAsync(async () => (await SubmitOnB()).StatusCode == HttpStatusCode.Forbidden);

        Assert.True(refusedAfter < TimeSpan.FromSeconds(1), $"refused on B only after {refusedAfter.TotalMilliseconds:N0} ms");
    }

    private static async Task<HttpClient> AuthorizedAsync(HttpClient server, string userName)
    {
        var client = new HttpClient { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await server.SignInAsync(userName));
        return client;
    }

    /// <summary>How long until <paramref name="condition"/> holds (polled every 20 ms, for at most 10 s).</summary>
    private static async Task<TimeSpan> TimeUntilAsync(Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(10)) break;
            await Task.Delay(20);
        }
        return watch.Elapsed;
    }
}
