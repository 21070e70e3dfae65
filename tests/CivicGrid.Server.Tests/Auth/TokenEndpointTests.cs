using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Platform.Auth;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Auth;

/// <summary>POST /api/v1/auth/token and GET /api/v1/auth/me over real HTTP, on the demo city.</summary>
public sealed class TokenEndpointTests : IAsyncLifetime
{
    private readonly TestLogSink _logs = new();
    private CityHost<SqliteTestDatabase> _city = null!;

    public async Task InitializeAsync()
    {
        _city = await CityHost.StartAsync<SqliteTestDatabase>(CityOptions.DemoCity with { Configure = _logs.AddTo });
        await StaffAccounts.AddAsync(_city.Database, "dispatcher.lh", Roles.Dispatcher | Roles.Leader, DataScope.OfDistrict("460106"));
        await StaffAccounts.AddAsync(_city.Database, "retired", Roles.Inspector, DataScope.WholeCity, isActive: false);
    }

    public async Task DisposeAsync()
    {
        await _city.DisposeAsync();
    }

    [Fact]
    public async Task Token_ForTheRightPassword_AnswersABearerTokenAndTheUser()
    {
        var response = await _city.Anonymous.RequestTokenAsync("dispatcher.lh", StaffAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(8 * 3600, body.GetProperty("expires_in").GetInt32());
        Assert.Equal(3, body.GetProperty("access_token").GetString()!.Split('.').Length);
        var user = body.GetProperty("user");
        Assert.Equal("dispatcher.lh", user.GetProperty("userName").GetString());
        Assert.Equal(["Dispatcher", "Leader"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("District", user.GetProperty("scope").GetProperty("kind").GetString());
        Assert.Equal("460106", user.GetProperty("scope").GetProperty("divisionCode").GetString());
    }

    [Fact]
    public async Task Token_ForAWrongPasswordAndAnUnknownUser_Answers401WithTheSameBody()
    {
        var wrongPassword = await _city.Anonymous.RequestTokenAsync("admin", "not-the-password");
        var unknownUser = await _city.Anonymous.RequestTokenAsync("nobody", StaffAccounts.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownUser.StatusCode);
        Assert.Equal("application/problem+json", wrongPassword.Content.Headers.ContentType?.MediaType);
        var first = await wrongPassword.Content.ReadFromJsonAsync<JsonElement>();
        var second = await unknownUser.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first.GetProperty("detail").GetString(), second.GetProperty("detail").GetString());
        Assert.Equal(first.GetProperty("title").GetString(), second.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Token_ForADeactivatedUserWithTheRightPassword_Answers401()
    {
        var response = await _city.Anonymous.RequestTokenAsync("retired", StaffAccounts.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_FailedSignIn_IsLoggedWithTheReasonButNotThePassword()
    {
        await _city.Anonymous.RequestTokenAsync("admin", "secret-guess-123");

        var entry = Assert.Single(_logs.WithEventId(AuthLog.SignInFailedEventId), e => e.Property("UserName") == "admin");
        Assert.Equal("wrong password", entry.Property("Reason"));
        Assert.DoesNotContain("secret-guess-123", string.Join("\n", _logs.Entries.Select(e => e.Message)));
    }

    [Theory]
    [InlineData("""{"password":"x"}""", "username")]
    [InlineData("""{"username":"admin"}""", "password")]
    [InlineData("""{"username":"  ","password":"x"}""", "username")]
    public async Task Token_WithAMissingField_Answers400NamingTheField(string json, string field)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var response = await _city.Anonymous.PostAsync("/api/v1/auth/token", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"errors should name '{field}': {errors}");
        Assert.Single(errors.EnumerateObject());
    }

    [Fact]
    public async Task Me_WithAToken_AnswersTheSignedInUser()
    {
        var token = await _city.Anonymous.SignInAsync("admin");

        var response = await _city.Anonymous.GetWithTokenAsync("/api/v1/auth/me", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var user = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("admin", user.GetProperty("userName").GetString());
        Assert.Equal("系统管理员", user.GetProperty("displayName").GetString());
        Assert.Equal(["Administrator"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("City", user.GetProperty("scope").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Me_WithoutAToken_Answers401ProblemDetailsAndLogsTheDenial()
    {
        var response = await _city.Anonymous.GetAsync("/api/v1/auth/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Contains(_logs.WithEventId(AuthLog.AuthenticationRequiredEventId),
            e => e.Property("Path") == "/api/v1/auth/me" && e.Property("Reason") == "no bearer token");
    }

    [Fact]
    public async Task Me_WithATokenPastItsLifetime_Answers401()
    {
        var token = await _city.Anonymous.SignInAsync("admin");

        _city.Time.Advance(TimeSpan.FromHours(7.9));
        Assert.Equal(HttpStatusCode.OK, (await _city.Anonymous.GetWithTokenAsync("/api/v1/auth/me", token)).StatusCode);
        _city.Time.Advance(TimeSpan.FromHours(0.2));
        var response = await _city.Anonymous.GetWithTokenAsync("/api/v1/auth/me", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(_logs.WithEventId(AuthLog.AuthenticationRequiredEventId), e => e.Property("Reason") == "the token has expired");
    }

    [Fact]
    public async Task Me_WithATokenWhosePayloadWasAltered_Answers401()
    {
        var token = await _city.Anonymous.SignInAsync("dispatcher.lh");
        var parts = token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1]));
        Assert.Contains("\"Leader\"", payload);
        var altered = payload.Replace("\"Leader\"", "\"Administrator\"", StringComparison.Ordinal);
        var tampered = string.Join('.', parts[0], Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(altered)), parts[2]);

        Assert.Equal(HttpStatusCode.OK, (await _city.Anonymous.GetWithTokenAsync("/api/v1/auth/me", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _city.Anonymous.GetWithTokenAsync("/api/v1/auth/me", tampered)).StatusCode);
    }

    [Fact]
    public async Task Me_WithATokenSignedByAnotherKey_Answers401()
    {
        var genuine = await _city.Anonymous.SignInAsync("admin");
        var forged = ForgedTokens.ResignWithRandomKey(genuine);

        Assert.Equal(HttpStatusCode.OK, (await _city.Anonymous.GetWithTokenAsync("/api/v1/auth/me", genuine)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _city.Anonymous.GetWithTokenAsync("/api/v1/auth/me", forged)).StatusCode);
    }

    [Fact]
    public async Task Me_AfterTheUserIsDeactivated_Answers401EvenWithAnUnexpiredToken()
    {
        await StaffAccounts.AddAsync(_city.Database, "leaving", Roles.Inspector, DataScope.WholeCity);
        var token = await _city.Anonymous.SignInAsync("leaving");
        Assert.Equal(HttpStatusCode.OK, (await _city.Anonymous.GetWithTokenAsync("/api/v1/auth/me", token)).StatusCode);

        await using (var db = _city.Database.CreateContext())
        {
            db.StaffUsers.Single(u => u.UserName == "leaving").IsActive = false;
            await db.SaveChangesAsync();
        }

        // Changed beside the server: takes effect within the user-check cache lifetime (1 s).
        Assert.Equal(HttpStatusCode.Unauthorized, await _city.Anonymous.StatusWithinCacheLifetimeAsync("/api/v1/auth/me", token, HttpStatusCode.Unauthorized));
    }
}
