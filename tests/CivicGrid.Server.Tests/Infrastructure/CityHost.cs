using System.Collections.Concurrent;
using System.Net.Http.Headers;
using CivicGrid.Data;
using CivicGrid.Server.Features.Cases;
using CivicGrid.Server.Tests.Auth;
using Microsoft.Extensions.Time.Testing;

namespace CivicGrid.Server.Tests.Infrastructure;

/// <summary>The one test host: a real server (Kestrel, real HTTP) over a real database of its own, with intent
/// methods that read like the domain — <c>SignInAs</c>, <c>Report</c>, <c>Step</c>, <c>PublicReport</c>,
/// <c>Open311Submit</c>, <c>ImportComponents</c> … (the partial files beside this one). Use it as a class fixture
/// (<see cref="SqliteCity"/>, <see cref="PostgresCity"/>: one server per test class, the tests create the data they
/// read) or start one per test with <see cref="CityHost.StartAsync{TDatabase}"/>. See docs/testing.md.</summary>
public partial class CityHost<TDatabase>(CityOptions options) : IAsyncLifetime, IAsyncDisposable where TDatabase : TestDatabase, new()
{
    private readonly ConcurrentDictionary<string, Task<HttpClient>> _signedIn = new();

    /// <summary>The small demo city (<see cref="CityOptions.DemoCity"/>).</summary>
    public CityHost() : this(CityOptions.DemoCity) { }

    public TDatabase Database { get; } = new();
    public RunningServer Server { get; private set; } = null!;

    /// <summary>A client without credentials: a citizen, an Open311 caller, a browser that has not signed in.</summary>
    public HttpClient Anonymous => Server.Client;
    public FakeTimeProvider Time => Server.Time;
    public IServiceProvider Services => Server.Services;

    /// <summary>Starts the server; a fixture that arranges shared data overrides this and calls it first.</summary>
    public virtual async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Server = await RunningServer.StartAsync(Database, builder =>
        {
            builder.Services.AddScoped<ICaseStepObserver, FailingRegisterObserver>();
            options.Configure?.Invoke(builder);
        }, options.Demo, [StaffAccounts.DemoPasswordArg, .. options.Settings]);
    }

    public async Task DisposeAsync()
    {
        ForgetSignIns();
        if (Server is not null) await Server.DisposeAsync();
        await Database.DisposeAsync();
        if (_files is not null) try { Directory.Delete(_files, recursive: true); } catch (IOException) { }
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A database context on the host's database (dispose it), for arranging and checking what the API
    /// does not show.</summary>
    public CivicGridDbContext Db() => Database.CreateContext();

    /// <summary>An HTTP client signed in (bearer token) as a user: a demo user or one the test added; one per user.</summary>
    public Task<HttpClient> SignInAs(string userName) => _signedIn.GetOrAdd(userName, SignInAsync);

    private async Task<HttpClient> SignInAsync(string userName)
    {
        var token = await Anonymous.SignInAsync(userName);
        var client = new HttpClient { BaseAddress = Anonymous.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Everyone signs in again on their next call (after moving the clock past the tokens' lifetime).</summary>
    public void ForgetSignIns()
    {
        foreach (var signIn in _signedIn.Values)
            if (signIn.IsCompletedSuccessfully) signIn.Result.Dispose();
        _signedIn.Clear();
    }
}

/// <summary>Starts hosts for single tests.</summary>
public static class CityHost
{
    /// <summary>Starts a host for one test (dispose it at the end of the test).</summary>
    public static async Task<CityHost<TDatabase>> StartAsync<TDatabase>(CityOptions options) where TDatabase : TestDatabase, new()
    {
        var host = new CityHost<TDatabase>(options);
        try { await host.InitializeAsync(); }
        catch { await host.DisposeAsync(); throw; }
        return host;
    }
}

/// <summary>The demo city over SQLite: the class fixture of most server tests.</summary>
public sealed class SqliteCity : CityHost<SqliteTestDatabase>;

/// <summary>An empty city over SQLite (no demo; the standard catalogue only), for tests of the bare host.</summary>
public sealed class EmptySqliteCity() : CityHost<SqliteTestDatabase>(CityOptions.EmptyCity);

/// <summary>The demo city over PostgreSQL (the throwaway cluster of ./test.sh).</summary>
public sealed class PostgresCity : CityHost<PostgresTestDatabase>;
