using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Tests.Auth;
using CivicGrid.Server.Tests.Cases;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Organisation;

/// <summary>Administrators keep staff users through <c>/api/v1/users</c>: others are refused, bad input names its field,
/// a taken user name conflicts, an administrator cannot demote or deactivate themselves, a deactivated user's token
/// stops at once, and no answer carries a password hash. Each test uses its own user names.</summary>
public abstract class UserAdministrationTests<TDatabase>(CityHost<TDatabase> city) where TDatabase : TestDatabase, new()
{
    private const string NewPassword = "a-new-Passw0rd-2026";
    private static readonly string[] OperatorAndDispatcher = ["IntakeOperator", "Dispatcher"], DispatcherOnly = ["Dispatcher"];

    [Fact]
    public async Task AnAdministrator_AddsChangesDeactivatesAndReactivatesAUser_AndTheUsersTokenStopsWhileDeactivated()
    {
        var admin = await city.SignInAs("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/users", NewUser("clerk.one") with { roles = ["Inspector"], scope = "District", division = "460106" });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var user = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = user.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/users/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("460106", user.GetProperty("division").GetString());
        AssertNoPassword(user);

        var changed = await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { displayName = "新受理员", roles = OperatorAndDispatcher, scope = "City" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var fetched = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{id}");
        Assert.Equal(["Dispatcher", "IntakeOperator"], fetched.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order());
        Assert.Equal("新受理员", fetched.GetProperty("displayName").GetString());
        Assert.Equal(JsonValueKind.Null, fetched.GetProperty("division").ValueKind);
        var dispatchers = await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/users?role=Dispatcher&q=clerk.one");
        Assert.Equal([id], dispatchers!.Select(u => u.GetProperty("id").GetInt32()));
        Assert.All(dispatchers!, AssertNoPassword);

        var token = await city.Anonymous.SignInAsync("clerk.one", StaffAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await city.Anonymous.GetWithTokenAsync("/api/v1/cases", token)).StatusCode);
        var deactivated = await admin.PostAsync($"/api/v1/users/{id}/deactivate", null);
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.False((await deactivated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isActive").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await city.Anonymous.GetWithTokenAsync("/api/v1/cases", token)).StatusCode);
        Assert.Equal([id], (await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/users?isActive=false&q=clerk.one"))!.Select(u => u.GetProperty("id").GetInt32()));

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/users/{id}/reactivate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/users/{id}/password", new { password = NewPassword })).StatusCode);
        var again = await city.Anonymous.SignInAsync("clerk.one", NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await city.Anonymous.GetWithTokenAsync("/api/v1/cases", again)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await city.Anonymous.RequestTokenAsync("clerk.one", StaffAccounts.Password)).StatusCode);
    }

    [Fact]
    public async Task BadUserInput_NamesTheField_AndChangesNothing()
    {
        var admin = await city.SignInAs("admin");
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/users", NewUser("bad name!")), "userName");
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/users", NewUser("clerk.two") with { password = "short" }), "password");
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/users", NewUser("clerk.two") with { password = null }), "password");
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/users", NewUser("clerk.two") with { roles = ["Emperor"] }), "roles");
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/users", NewUser("clerk.two") with { roles = [] }), "roles");
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/users", NewUser("clerk.two") with { scope = "Planet" }), "scope");
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/users", NewUser("clerk.two") with { scope = "District", division = "999999" }), "division");
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/users", NewUser("clerk.two") with { scope = "Department" }), "departmentId");
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/users", NewUser("clerk.two") with { departmentId = 999999 }), "departmentId");
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/users", NewUser("clerk.two") with { displayName = " " }), "displayName");
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/users?q=clerk.two"))!);

        var dispatcher = await IdOfAsync(admin, "dispatcher");
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync($"/api/v1/users/{dispatcher}/password", new { password = "too-short" }), "password");
        await AssertFieldErrorAsync(await admin.GetAsync("/api/v1/users?role=Emperor"), "role");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/users/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/v1/users/999999/deactivate", null)).StatusCode);
    }

    [Fact]
    public async Task ATakenUserName_Conflicts_NamingTheUserName()
    {
        var response = await (await city.SignInAs("admin")).PostAsJsonAsync("/api/v1/users", NewUser("dispatcher"));
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("userName", out _));
    }

    [Fact]
    public async Task AnAdministrator_CannotTakeAwayTheirOwnAdministratorRole_OrDeactivateThemselves()
    {
        var admin = await city.SignInAs("admin");
        var self = await IdOfAsync(admin, "admin");
        var current = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{self}");
        var demoted = await admin.PutAsJsonAsync($"/api/v1/users/{self}", new
        {
            displayName = current.GetProperty("displayName").GetString(), roles = DispatcherOnly, scope = current.GetProperty("scope").GetString(),
        });
        await AssertFieldErrorAsync(demoted, "roles");
        await AssertFieldErrorAsync(await admin.PostAsync($"/api/v1/users/{self}/deactivate", null), "isActive");
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{self}"); // still an active administrator
        Assert.Contains("Administrator", after.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(after.GetProperty("isActive").GetBoolean());
    }

    [Fact]
    public async Task NonAdministrators_AreRefusedTheUserApi()
    {
        var dispatcher = await city.SignInAs("dispatcher");
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsJsonAsync("/api/v1/users", NewUser("clerk.three"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsync("/api/v1/users/1/deactivate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await city.Anonymous.GetAsync("/api/v1/users")).StatusCode);
    }

    private sealed record UserBody(string userName, string displayName, string? password, string[] roles, string? scope, string? division, int? departmentId);

    private static UserBody NewUser(string userName) => new(userName, "新用户", StaffAccounts.Password, ["IntakeOperator"], null, null, null);

    private static void AssertNoPassword(JsonElement user)
    {
        Assert.DoesNotContain("password", user.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AQAAAA", user.GetRawText(), StringComparison.Ordinal); // the start of an ASP.NET Identity v3 hash
    }

    private static async Task<int> IdOfAsync(HttpClient admin, string userName) =>
        (await admin.GetFromJsonAsync<JsonElement[]>($"/api/v1/users?q={userName}"))!.Single(u => u.GetProperty("userName").GetString() == userName)
        .GetProperty("id").GetInt32();

    internal static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"expected an error on {field}: {text}");
    }
}

public sealed class SqliteUserAdministrationTests(SqliteCity city) : UserAdministrationTests<SqliteTestDatabase>(city), IClassFixture<SqliteCity>;

public sealed class PostgresUserAdministrationTests(PostgresCity city) : UserAdministrationTests<PostgresTestDatabase>(city), IClassFixture<PostgresCity>;
