using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Platform.Auth;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace CivicGrid.Server.Tests.Auth;

/// <summary>RequireStaff through a real endpoint: GET /api/v1/auth/users is for administrators only.</summary>
public sealed class RoleAuthorizationTests : IAsyncLifetime
{
    private readonly TestLogSink _logs = new();
    private CityHost<SqliteTestDatabase> _city = null!;

    public async Task InitializeAsync()
    {
        _city = await CityHost.StartAsync<SqliteTestDatabase>(CityOptions.DemoCity with { Configure = _logs.AddTo });
        await StaffAccounts.AddAsync(_city.Database, "dispatcher.lh", Roles.Dispatcher | Roles.Leader, DataScope.OfDistrict("460106"));
    }

    public async Task DisposeAsync()
    {
        await _city.DisposeAsync();
    }

    [Fact]
    public async Task Users_ForAnAdministrator_ListsTheCitysStaff()
    {
        var token = await _city.Anonymous.SignInAsync("admin");

        var response = await _city.Anonymous.GetWithTokenAsync("/api/v1/auth/users", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var users = await response.Content.ReadFromJsonAsync<JsonElement>();
        var names = users.EnumerateArray().Select(u => u.GetProperty("userName").GetString()).ToList();
        Assert.Contains("admin", names);
        Assert.Contains("dispatcher.lh", names);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.DoesNotContain("passwordHash", users.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Users_ForAUserWithoutTheAdministratorRole_Answers403ProblemDetails()
    {
        var token = await _city.Anonymous.SignInAsync("dispatcher.lh");

        var response = await _city.Anonymous.GetWithTokenAsync("/api/v1/auth/users", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Contains("Administrator", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Users_ForbiddenRequest_IsLoggedWithUserRolesAndReason()
    {
        var token = await _city.Anonymous.SignInAsync("dispatcher.lh");

        await _city.Anonymous.GetWithTokenAsync("/api/v1/auth/users", token);

        var denial = Assert.Single(_logs.WithEventId(AuthLog.AccessDeniedEventId));
        Assert.Equal(LogLevel.Warning, denial.Level);
        Assert.Equal("dispatcher.lh", denial.Property("UserName"));
        Assert.Equal("403", denial.Property("StatusCode"));
        Assert.Equal("Dispatcher, Leader", denial.Property("Roles"));
        Assert.Equal("GET /api/v1/auth/users", denial.Property("Resource"));
        Assert.Contains("Administrator", denial.Property("Reason"));
    }

    [Fact]
    public async Task Users_WithoutAToken_Answers401ProblemDetails()
    {
        var response = await _city.Anonymous.GetAsync("/api/v1/auth/users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Users_WithATokenIssuedBeforeTheUserLostTheRole_Answers401()
    {
        await StaffAccounts.AddAsync(_city.Database, "admin2", Roles.Administrator, DataScope.WholeCity);
        var token = await _city.Anonymous.SignInAsync("admin2");
        Assert.Equal(HttpStatusCode.OK, (await _city.Anonymous.GetWithTokenAsync("/api/v1/auth/users", token)).StatusCode);

        await using (var db = _city.Database.CreateContext())
        {
            db.StaffUsers.Single(u => u.UserName == "admin2").Roles = Roles.Inspector;
            await db.SaveChangesAsync();
        }

        // Changed beside the server: takes effect within the user-check cache lifetime (1 s).
        Assert.Equal(HttpStatusCode.Unauthorized, await _city.Anonymous.StatusWithinCacheLifetimeAsync("/api/v1/auth/users", token, HttpStatusCode.Unauthorized));
    }
}
