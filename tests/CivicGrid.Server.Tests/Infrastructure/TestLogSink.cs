using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CivicGrid.Server.Tests.Infrastructure;

/// <summary>Keeps every log event of a server in memory (Information and above, whatever the server's own log
/// levels), with its structured properties, for tests to assert on.</summary>
public sealed class TestLogSink
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    /// <summary>Adds the sink to a server being built: pass to <see cref="RunningServer.StartAsync(TestDatabase, Action{WebApplicationBuilder}?, bool, string[])"/>.</summary>
    public void AddTo(WebApplicationBuilder builder)
    {
        builder.Logging.AddProvider(new Provider(this));
        builder.Logging.AddFilter<Provider>(null, LogLevel.Information);
    }

    public IEnumerable<LogEntry> WithEventId(int eventId) => Entries.Where(e => e.EventId == eventId);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    private sealed class Provider(TestLogSink sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => sink.CreateLogger(categoryName);
        public void Dispose() { }
    }

    private sealed class Logger(TestLogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value)
                : [];
            sink._entries.Enqueue(new LogEntry(category, logLevel, eventId.Id, formatter(state, exception), properties));
        }
    }
}

public sealed record LogEntry(string Category, LogLevel Level, int EventId, string Message, IReadOnlyDictionary<string, object?> Properties)
{
    public string? Property(string name) => Properties.TryGetValue(name, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
}
