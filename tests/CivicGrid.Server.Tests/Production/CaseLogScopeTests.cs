using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Features.Cases;
using CivicGrid.Server.Tests.Auth;
using CivicGrid.Server.Tests.Cases;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace CivicGrid.Server.Tests.Production;

/// <summary>Log lines written while a case is handled carry its number as a scope property: a request to
/// /api/v1/cases/{id} and the deadline job's overdue mark.</summary>
public sealed class CaseLogScopeTests
{
    [Fact]
    public async Task CaseRequestsAndTheDeadlineJob_LogWithinACaseNumberScope()
    {
        var database = new SqliteTestDatabase();
        var capture = new ScopeCapture();
        try
        {
            await using var server = await RunningServer.StartAsync(database, builder =>
            {
                builder.Logging.AddProvider(capture);
                builder.Logging.AddFilter<ScopeCapture>(null, LogLevel.Information);
            }, demo: true, StaffAccounts.DemoPasswordArg);
            server.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await server.Client.SignInAsync("operator"));
            using var created = await server.Client.PostAsJsonAsync("/api/v1/cases", Reports.At(description: "scope test"));
            var @case = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("case");
            var (id, number) = (@case.GetProperty("id").GetInt64(), @case.GetProperty("number").GetString()!);

            (await server.Client.GetAsync($"/api/v1/cases/{id}")).EnsureSuccessStatusCode();
            Assert.Contains(capture.Entries, e => e.Category.StartsWith("Microsoft.AspNetCore.Routing", StringComparison.Ordinal)
                && e.Scopes.GetValueOrDefault("CaseNumber") == number && e.Scopes.GetValueOrDefault("CaseId") == id.ToString(System.Globalization.CultureInfo.InvariantCulture));

            server.Time.Advance(TimeSpan.FromDays(30));
            await server.Services.GetRequiredService<DeadlineMonitor>().RunOnceAsync(CancellationToken.None);
            Assert.Contains(capture.Entries, e => e.Message.Contains("is overdue", StringComparison.Ordinal)
                && e.Message.Contains(number, StringComparison.Ordinal) && e.Scopes.GetValueOrDefault("CaseNumber") == number);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private sealed record Entry(string Category, string Message, Dictionary<string, string?> Scopes);

    /// <summary>Records each log event with the properties of every scope open at the time.</summary>
    private sealed class ScopeCapture : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
        private readonly ConcurrentQueue<Entry> _entries = new();

        public IReadOnlyList<Entry> Entries => [.. _entries];
        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;
        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
        public void Dispose() { }

        private sealed class Logger(ScopeCapture owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scopes = new Dictionary<string, string?>();
                owner._scopes.ForEachScope((scope, values) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                        foreach (var (key, value) in pairs) values[key] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
                }, scopes);
                owner._entries.Enqueue(new Entry(category, formatter(state, exception), scopes));
            }
        }
    }
}
