using CivicGrid.Server.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Time.Testing;

namespace CivicGrid.Server.Tests.Infrastructure;

/// <summary>The real server on a real loopback port (Kestrel, real HTTP), over a real database, with a
/// <see cref="FakeTimeProvider"/> the test can move.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataFolder;

    private RunningServer(WebApplication app, string dataFolder, FakeTimeProvider time)
    {
        _app = app;
        _dataFolder = dataFolder;
        Time = time;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public HttpClient Client { get; }
    public FakeTimeProvider Time { get; }
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a server; with <paramref name="demo"/> it seeds the small demo city into the empty database.</summary>
    public static Task<RunningServer> StartAsync(TestDatabase database, bool demo = true, params string[] extraArgs) =>
        StartAsync(database, configure: null, demo, extraArgs);

    /// <summary>Starts a server; <paramref name="configure"/> adds to the host, e.g. a <see cref="TestLogSink"/>.</summary>
    public static async Task<RunningServer> StartAsync(
        TestDatabase database, Action<WebApplicationBuilder>? configure, bool demo = true, params string[] extraArgs)
    {
        var dataFolder = Directory.CreateTempSubdirectory("civicgrid-server-").FullName;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            $"--DataDirectory={dataFolder}",
            "--Demo:Scale=small",
            "--Logging:LogLevel:Default=Warning",
            .. database.ServerArgs,
            .. demo ? Array.Empty<string>() : ["--no-demo"],
            .. extraArgs,
        ];
        var app = CivicGridServer.Build(args, builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(time);
            configure?.Invoke(builder);
        });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            try { Directory.Delete(dataFolder, recursive: true); } catch (IOException) { }
            throw;
        }
        return new RunningServer(app, dataFolder, time);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
    }
}
