using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Tests.Open311;
using Microsoft.EntityFrameworkCore;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.ApiKeys;

/// <summary>Administrators create, list (with usage) and revoke keys; nobody else may; a revoked key is refused.</summary>
public sealed class ApiKeyAdminTests(SqliteCity city) : IClassFixture<SqliteCity>
{
    [Fact]
    public async Task Create_ShowsTheSecretOnce_StoresOnlyItsHash_AndListsUsage()
    {
        var admin = await city.SignInAs("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "海口12345 app", contact = "dev@hk12345.example" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var secret = body.GetProperty("secret").GetString()!;
        var id = body.GetProperty("key").GetProperty("id").GetInt32();
        Assert.StartsWith(body.GetProperty("key").GetProperty("prefix").GetString()!, secret);
        Assert.True(secret.Length > 40);

        await using (var db = city.Db())
        {
            var stored = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == id);
            Assert.NotEqual(secret, stored.SecretHash);
            Assert.DoesNotContain(secret, stored.SecretHash + stored.Prefix + stored.Name);
        }

        for (var i = 0; i < 3; i++)
            await city.Open311Submit([.. Forms.Report("M06042", lon: 110.3230 + i * 0.0012, description: $"用量 {i}"), new("api_key", secret)]);
        var keys = await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/api-keys");
        var listed = keys!.Single(k => k.GetProperty("id").GetInt32() == id);
        Assert.Equal(3, listed.GetProperty("requestCount").GetInt64());
        Assert.Equal(JsonValueKind.String, listed.GetProperty("lastUsedAt").ValueKind);
        Assert.Equal("海口12345 app", listed.GetProperty("name").GetString());
        Assert.False(listed.TryGetProperty("secret", out _));
        Assert.False(listed.TryGetProperty("secretHash", out _));
    }

    [Fact]
    public async Task RevokedKey_Is403_AtOnce()
    {
        var admin = await city.SignInAs("admin");
        var created = await (await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "to revoke" })).Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("secret").GetString()!;
        var id = created.GetProperty("key").GetProperty("id").GetInt32();
        await city.Open311Submit([.. Forms.Report("M06042", lon: 110.3380, description: "撤销前"), new("api_key", secret)]);

        var revoked = await admin.PostAsync($"/api/v1/api-keys/{id}/revoke", null);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(JsonValueKind.String, (await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revokedAt").ValueKind);

        var refused = await city.TryOpen311Submit([.. Forms.Report("M06042", lon: 110.3392, description: "撤销后"), new("api_key", secret)]);
        Assert.Contains("revoked", await Open311Asserts.AssertErrorAsync(refused, HttpStatusCode.Forbidden));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/v1/api-keys/999999/revoke", null)).StatusCode);
    }

    [Fact]
    public async Task NonAdministrators_Get403_AndAnonymousCallers401()
    {
        var dispatcher = await city.SignInAs("dispatcher");
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.GetAsync("/api/v1/api-keys")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsJsonAsync("/api/v1/api-keys", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await city.SignInAs("leader")).PostAsync("/api/v1/api-keys/1/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await city.Anonymous.GetAsync("/api/v1/api-keys")).StatusCode);
    }

    [Fact]
    public async Task Create_WithoutAName_Is400NamingTheField()
    {
        var response = await (await city.SignInAs("admin")).PostAsJsonAsync("/api/v1/api-keys", new { name = " " });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("name", out _));
    }
}
