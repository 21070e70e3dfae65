using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Server.Features.Cases;
using CivicGrid.Server.Platform.LiveUpdates;
using CivicGrid.Server.Tests.Auth;
using CivicGrid.Server.Tests.Cases;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.LiveUpdates;

/// <summary>The step hooks: observers run inside every step's transaction (a failing observer undoes the step), and
/// committed steps reach live subscribers.</summary>
public sealed class CaseStepHookTests : IAsyncLifetime
{
    private readonly RecordingObserver _observer = new();
    private readonly ConcurrentQueue<CaseEvent> _events = new();
    private CityHost<SqliteTestDatabase> _city = null!;
    private IDisposable? _subscription;

    public async Task InitializeAsync()
    {
        _city = await CityHost.StartAsync<SqliteTestDatabase>(
            CityOptions.DemoCity with { Configure = builder => builder.Services.AddSingleton<ICaseStepObserver>(_observer) });
        _subscription = _city.Services.GetRequiredService<CaseEventHub>().Subscribe(e =>
        {
            _events.Enqueue(e);
            return ValueTask.CompletedTask;
        });
    }

    public async Task DisposeAsync()
    {
        _subscription?.Dispose();
        await _city.DisposeAsync();
    }

    [Fact]
    public async Task EveryStep_PassesTheObservers_InItsTransaction_AndReachesLiveSubscribers()
    {
        using var operatorClient = await SignedInAsync("operator");
        using var dispatcher = await SignedInAsync("dispatcher");
        var created = await operatorClient.PostAsJsonAsync("/api/v1/cases", Reports.At("03005", description: "hook test"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("case").GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PostAsJsonAsync($"/api/v1/cases/{id}/transitions", new { action = "register" })).StatusCode);

        // An observer that fails undoes the step: the case stays registered, no history entry is left.
        _observer.FailOn = "dispatch";
        var failed = await dispatcher.PostAsJsonAsync($"/api/v1/cases/{id}/transitions", new { action = "dispatch" });
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        await using (var db = _city.Database.CreateContext())
        {
            var stored = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id);
            Assert.Equal(CaseStatus.Registered, stored.Status);
            Assert.Equal(["report", "register"], await db.CaseHistory.Where(e => e.CaseId == id).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        }
        _observer.FailOn = null;
        var dispatched = await dispatcher.PostAsJsonAsync($"/api/v1/cases/{id}/transitions", new { action = "dispatch" });
        Assert.Equal(HttpStatusCode.OK, dispatched.StatusCode);
        var due = (await dispatched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("case").GetProperty("deadline").GetProperty("dueAt").GetDateTimeOffset();

        // The overdue mark is a step too.
        _city.Time.SetUtcNow(due.AddMinutes(1));
        await _city.Services.GetRequiredService<DeadlineMonitor>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(["report", "register", "dispatch", "overdue"], _observer.Seen.Where(s => s.CaseId == id).Select(s => s.Action));
        Assert.All(_observer.Seen, s => Assert.True(s.InTransaction, $"{s.Action} ran outside a transaction"));
        await WaitUntilAsync(() => _events.Count(e => e.CaseId == id) >= 4);
        var events = _events.Where(e => e.CaseId == id).OrderBy(e => e.At).ThenBy(e => e.Action == "overdue").ToList();
        Assert.Equal(["report", "register", "dispatch", "overdue"], events.Select(e => e.Action));
        Assert.Equal("Dispatched", events[2].Status);
        Assert.DoesNotContain(_events, e => e.CaseId == id && e.Action == "dispatch" && e.Status == "Registered");
    }

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var token = await _city.Anonymous.SignInAsync(user);
        var client = new HttpClient { BaseAddress = _city.Anonymous.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition(), "the live events did not arrive");
    }

    private sealed class RecordingObserver : ICaseStepObserver
    {
        public ConcurrentQueue<(long CaseId, string Action, bool InTransaction)> Seen { get; } = new();
        public volatile string? FailOn;

        public ValueTask OnStepAsync(CivicGridDbContext db, Case @case, CaseHistoryEntry entry, CancellationToken cancellationToken)
        {
            if (entry.Action == FailOn) throw new InvalidOperationException("observer failure (test)");
            Seen.Enqueue((@case.Id, entry.Action, db.Database.CurrentTransaction is not null));
            return ValueTask.CompletedTask;
        }
    }
}
