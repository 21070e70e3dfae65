using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CivicGrid.Server.Tests.Auth;
using CivicGrid.Server.Tests.Cases;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Production;

/// <summary>A server child process on a free loopback port, with a client signed in as the demo intake operator.</summary>
public sealed class ServerInstance(string name, ServerProcess process, HttpClient client) : IAsyncDisposable
{
    public string Name { get; } = name;
    public ServerProcess Process { get; } = process;
    public HttpClient Client { get; } = client;

    public static async Task<ServerInstance> StartAsync(string name, IReadOnlyDictionary<string, string?> environment)
    {
        var port = ServerProcess.FreePort();
        var process = ServerProcess.Start(environment, "--urls", $"http://127.0.0.1:{port}");
        try
        {
            await process.WaitForOutputAsync("CivicGrid is running.", ServerProcess.Patience);
            var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            var token = await client.SignInAsync("operator");
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return new ServerInstance(name, process, client);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Signs in again: after the test clock moved, the earlier token has expired for the server.</summary>
    public async Task SignInAgainAsync()
    {
        Client.DefaultRequestHeaders.Authorization = null;
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Client.SignInAsync("operator"));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Process.DisposeAsync();
    }
}

/// <summary>One case creation with its own Idempotency-Key; records the case when the server acknowledged it.</summary>
public sealed class Creation(string key)
{
    public string Key { get; } = key;
    public string Description => "production test " + Key;
    public long? CaseId { get; private set; }
    public string? Number { get; private set; }

    /// <summary>Sends it; false when no whole answer came (the server died); throws on a non-2xx answer.</summary>
    public async Task<bool> TrySendAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases")
        {
            Content = new StringContent(JsonSerializer.Serialize(Reports.At("06010", description: Description)), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Key);
        try
        {
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{Key}: {(int)response.StatusCode} {text}");
            var body = JsonDocument.Parse(text).RootElement.GetProperty("case");
            (CaseId, Number) = (body.GetProperty("id").GetInt64(), body.GetProperty("number").GetString());
            return true;
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException or JsonException)
        {
            return false;
        }
    }

    public static async Task<JsonElement> ReadAsync(HttpClient client, long id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}");
}
