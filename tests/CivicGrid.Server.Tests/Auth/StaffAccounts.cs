using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace CivicGrid.Server.Tests.Auth;

/// <summary>Staff accounts for the auth tests, beside the demo city's "admin" (whose password is <see cref="Password"/>).</summary>
internal static class StaffAccounts
{
    public const string Password = "demo-Passw0rd-for-tests";
    public const string DemoPasswordArg = "--Demo:Password=" + Password;

    public static async Task<int> AddAsync(
        TestDatabase database, string userName, Roles roles, DataScope scope, string password = Password, bool isActive = true)
    {
        await using var db = database.CreateContext();
        var user = new StaffUser
        {
            UserName = userName, DisplayName = userName, PasswordHash = "", CityCode = "460100", Roles = roles,
            ScopeKind = scope.Kind, ScopeDivisionCode = scope.DivisionCode, DepartmentId = scope.DepartmentId, IsActive = isActive,
        };
        user.PasswordHash = new PasswordHasher<StaffUser>().HashPassword(user, password);
        db.StaffUsers.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    public static Task<HttpResponseMessage> RequestTokenAsync(this HttpClient client, string userName, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password });

    public static async Task<string> SignInAsync(this HttpClient client, string userName, string password = Password)
    {
        var response = await client.RequestTokenAsync(userName, password);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("access_token").GetString()!;
    }

    public static async Task<HttpResponseMessage> GetWithTokenAsync(this HttpClient client, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    /// <summary>The status of GET <paramref name="path"/> once it is <paramref name="expected"/>, or the last one after
    /// 3 s. For changes made beside the server (straight in the database, as a CLI verb or SQL would): the server's user
    /// check is cached for a second (Auth:UserCheckCacheLifetime), so they take effect within that.</summary>
    public static async Task<System.Net.HttpStatusCode> StatusWithinCacheLifetimeAsync(this HttpClient client, string path, string token,
        System.Net.HttpStatusCode expected)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var status = (await client.GetWithTokenAsync(path, token)).StatusCode;
            if (status == expected || watch.Elapsed > TimeSpan.FromSeconds(3)) return status;
            await Task.Delay(50);
        }
    }
}
