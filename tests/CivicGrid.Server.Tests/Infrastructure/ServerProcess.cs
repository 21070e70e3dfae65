using System.Diagnostics;
using System.Text;

namespace CivicGrid.Server.Tests.Infrastructure;

/// <summary>The CivicGrid.Server executable as a child process, exactly as an operator runs it: for the run
/// command and the CLI verbs. Output is collected; the process is killed on dispose.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    /// <summary>How long a child server may take to start or a verb to finish: generous, because a 2-core machine under
    /// other builds needs minutes for what takes seconds when quiet. It bounds only a failing test's time.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private ServerProcess(Process process) => _process = process;

    public string Output { get { lock (_output) return _output.ToString(); } }
    public string Error { get { lock (_error) return _error.ToString(); } }

    public static ServerProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        StartFrom(Path.Combine(AppContext.BaseDirectory, "CivicGrid.Server.dll"), environment, args);

    /// <summary>Starts the server from <paramref name="serverDll"/>, e.g. the `dotnet publish` output.</summary>
    public static ServerProcess StartFrom(string serverDll, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(serverDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = new Process { StartInfo = start };
        var server = new ServerProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (server._output) server._output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (server._error) server._error.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Runs a CLI verb to completion and returns its exit code.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, params string[] args)
    {
        await using var process = Start(environment, args);
        var exitCode = await process.WaitForExitAsync(timeout);
        return (exitCode, process.Output, process.Error);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        _process.WaitForExit(); // flushes the redirected output
        return _process.ExitCode;
    }

    /// <summary>Waits until the output contains <paramref name="text"/>; fails with the output so far on timeout.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited) throw new InvalidOperationException($"The server exited ({_process.ExitCode}) before printing '{text}'.\n{Output}\n{Error}");
            if (deadline.Elapsed > timeout) throw new TimeoutException($"No '{text}' within {timeout}.\n{Output}\n{Error}");
            await Task.Delay(100);
        }
    }

    /// <summary>Kills the process without warning (SIGKILL on Linux: no shutdown code runs, no buffers are flushed)
    /// and returns its exit code (137 = 128 + SIGKILL).</summary>
    public async Task<int> KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    /// <summary>A loopback port that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
