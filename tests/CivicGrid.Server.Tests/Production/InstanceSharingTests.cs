using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Features.Geography;
using CivicGrid.Server.Platform.Jobs;
using CivicGrid.Server.Platform.LiveUpdates;
using CivicGrid.Server.Tests.Auth;
using CivicGrid.Server.Tests.Cases;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;

namespace CivicGrid.Server.Tests.Production;

/// <summary>Two servers (in this process, each with its own services) on one PostgreSQL database: what one
/// instance does reaches the other through the database — live updates (LISTEN/NOTIFY), grid-index invalidation,
/// the data-protection key ring and job leases.</summary>
public sealed partial class InstanceSharingTests : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();
    private RunningServer _a = null!;
    private RunningServer _b = null!;

    /// <summary>Caches of user checks and API keys far longer than the tests wait: only the cross-instance signal can
    /// make a change take effect on the other instance in time.</summary>
    private static readonly string[] LongCaches =
        ["--Auth:UserCheckCacheLifetime=00:01:00", "--Open311:ApiKeyCacheLifetime=00:01:00", "--Open311:SubmissionsPerIpPerMinute=100000"];

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _a = await RunningServer.StartAsync(_database, demo: true, [StaffAccounts.DemoPasswordArg, .. LongCaches]);
        _b = await RunningServer.StartAsync(_database, demo: true, [StaffAccounts.DemoPasswordArg, .. LongCaches]);
        foreach (var server in new[] { _a, _b })
        {
            var relay = server.Services.GetRequiredService<PostgresCaseEventRelay>();
            for (var i = 0; i < 100 && !relay.IsListening; i++) await Task.Delay(100);
            Assert.True(relay.IsListening, "the relay never started listening");
        }
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ACaseCreatedOnA_ReachesASubscriberOnB_AndASubscriberOnAOnce()
    {
        var onA = new ConcurrentQueue<CaseEvent>();
        var onB = new ConcurrentQueue<CaseEvent>();
        using var subscriptionA = _a.Services.GetRequiredService<CaseEventHub>().Subscribe(e => { onA.Enqueue(e); return ValueTask.CompletedTask; });
        using var subscriptionB = _b.Services.GetRequiredService<CaseEventHub>().Subscribe(e => { onB.Enqueue(e); return ValueTask.CompletedTask; });

        var token = await _a.Client.SignInAsync("operator");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = JsonContent.Create(Reports.At(description: "relay test")) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _a.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var number = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("case").GetProperty("number").GetString();

        for (var i = 0; i < 100 && !onB.Any(e => e.Number == number); i++) await Task.Delay(100);
        var received = Assert.Single(onB, e => e.Number == number);
        Assert.Equal("report", received.Action);
        await Task.Delay(500); // an echo of A's own notification would arrive by now
        Assert.Single(onA, e => e.Number == number);
    }

    [Fact]
    public async Task GridsChangedOnA_MakeBReloadItsGridIndex()
    {
        var locatorB = _b.Services.GetRequiredService<GridLocator>();
        var before = await locatorB.GetSnapshotAsync();
        Assert.Same(before, await locatorB.GetSnapshotAsync());

        _a.Services.GetRequiredService<GridLocator>().Invalidate();

        var reloaded = false;
        for (var i = 0; i < 100 && !reloaded; i++)
        {
            await Task.Delay(100);
            reloaded = !ReferenceEquals(before, await locatorB.GetSnapshotAsync());
        }
        Assert.True(reloaded, "B kept its grid index after A announced a change");
    }

    [Fact]
    public async Task AnAdministratorsChangeOnA_RaisesReferenceDataChangedOnB()
    {
        var changedOnB = 0;
        void Count() => Interlocked.Increment(ref changedOnB);
        var changesB = _b.Services.GetRequiredService<ReferenceDataChanges>();
        changesB.Changed += Count;
        try
        {
            using var admin = new HttpClient { BaseAddress = _a.Client.BaseAddress };
            admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _a.Client.SignInAsync("admin"));
            using var response = await admin.PutAsJsonAsync("/api/v1/catalogue/types/matter/06010", new { nameEn = "Exposed rubbish (relay test)" });
            response.EnsureSuccessStatusCode();

            for (var i = 0; i < 100 && Volatile.Read(ref changedOnB) == 0; i++) await Task.Delay(100);
            Assert.True(Volatile.Read(ref changedOnB) > 0, "B was not told of the change made on A");
        }
        finally
        {
            changesB.Changed -= Count;
        }
    }

    [Fact]
    public void DataProtectedOnA_IsReadableOnB()
    {
        var protectedOnA = _a.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie test").Protect("staff 42");
        var onB = _b.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie test").Unprotect(protectedOnA);
        Assert.Equal("staff 42", onB);
    }

    [Fact]
    public async Task AJobLease_IsHeldByOneInstance_UntilReleasedOrExpired()
    {
        var leasesA = _a.Services.GetRequiredService<JobLeases>();
        var leasesB = _b.Services.GetRequiredService<JobLeases>();
        var duration = TimeSpan.FromMinutes(5);

        // Ten concurrent attempts, five per instance: one instance wins (its later attempts renew), the other none.
        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? leasesA : leasesB).TryHoldAsync("race", duration, CancellationToken.None)));
        var heldByA = attempts.Where((_, i) => i % 2 == 0).Count(held => held);
        var heldByB = attempts.Where((_, i) => i % 2 == 1).Count(held => held);
        Assert.True(heldByA == 0 ^ heldByB == 0, $"A held it {heldByA} times, B {heldByB} times");
        var winner = heldByA > 0 ? leasesA : leasesB;
        var loser = winner == leasesA ? leasesB : leasesA;
        Assert.True(await winner.TryHoldAsync("race", duration, CancellationToken.None)); // renewal
        Assert.False(await loser.TryHoldAsync("race", duration, CancellationToken.None));

        await winner.ReleaseAsync("race", CancellationToken.None);
        Assert.True(await loser.TryHoldAsync("race", duration, CancellationToken.None));
        Assert.False(await winner.TryHoldAsync("race", duration, CancellationToken.None));

        // The holder stops renewing (it died): the other takes over once the lease has expired.
        var winnerServer = winner == leasesA ? _a : _b;
        winnerServer.Time.Advance(duration + TimeSpan.FromSeconds(1));
        Assert.True(await winner.TryHoldAsync("race", duration, CancellationToken.None));
    }
}
