using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace CivicGrid.Bench;

/// <summary>A closed-loop HTTP load on loopback: <c>concurrency</c> workers each send a request, wait for the answer,
/// send the next, for a fixed time after a warm-up. Only answers with the expected status count.</summary>
public static class HttpLoad
{
    /// <summary><paramref name="ProcessCpu"/>: the CPU time of the whole process (client, servers, background jobs)
    /// while the counted requests ran.</summary>
    public sealed record Result(long Succeeded, long Failed, TimeSpan Elapsed, string? FirstFailure, TimeSpan ProcessCpu = default)
    {
        public double PerSecond => Succeeded / Elapsed.TotalSeconds;
    }

    public static HttpClient Client(Uri baseAddress, int concurrency, string? bearerToken = null)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (bearerToken is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        return client;
    }

    /// <summary>Runs the load; <paramref name="request"/> builds request number n (unique over the whole run).</summary>
    public static async Task<Result> RunAsync(HttpClient client, Func<long, HttpRequestMessage> request, HttpStatusCode expected,
        int concurrency, TimeSpan warmUp, TimeSpan duration)
    {
        long sequence = 0, succeeded = 0, failed = 0;
        var counting = false;
        string? firstFailure = null;
        var stopAt = Stopwatch.StartNew();
        var total = warmUp + duration;

        async Task WorkerAsync()
        {
            while (stopAt.Elapsed < total)
            {
                using var message = request(Interlocked.Increment(ref sequence));
                using var response = await client.SendAsync(message);
                var ok = response.StatusCode == expected;
                if (!ok && firstFailure is null) firstFailure = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
                else await response.Content.LoadIntoBufferAsync();
                if (!Volatile.Read(ref counting)) continue;
                if (ok) Interlocked.Increment(ref succeeded);
                else Interlocked.Increment(ref failed);
            }
        }

        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkerAsync)).ToList();
        await Task.Delay(warmUp);
        Volatile.Write(ref counting, true);
        var measured = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await Task.WhenAll(workers);
        measured.Stop();
        return new Result(succeeded, failed, measured.Elapsed, firstFailure, Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
