using CivicGrid.Data;
using CivicGrid.Domain.Geography;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Cases;

public sealed partial class CaseWriter
{
    /// <summary>How long the writer's session goes on with the city it read (its code and case-number prefix, which
    /// nothing changes once the city exists) before it reads it again.</summary>
    private static readonly TimeSpan CityFreshness = TimeSpan.FromMinutes(1);

    private Session? _session;

    /// <summary>The fast way's database session, kept from batch to batch (ADR 0008): one context whose connection stays
    /// open, so the statements <see cref="BulkWriter"/> prepares on it are compiled once and SQLite's page cache of the
    /// connection stays warm, and the city is read once a minute instead of once a batch. Only the writer's loop uses it,
    /// one batch at a time; any failure drops it and the next batch opens a fresh one.</summary>
    private sealed class Session(AsyncServiceScope scope, CivicGridDbContext db, List<ICaseStepObserver> observers) : IAsyncDisposable
    {
        public CivicGridDbContext Db => db;
        public IReadOnlyList<ICaseStepObserver> Observers => observers;
        public City? City { get; set; }
        public DateTimeOffset CityReadAt { get; set; }

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }

    private async Task<Session> SessionAsync()
    {
        if (_session is { } open)
        {
            open.Db.ChangeTracker.Clear(); // what a batch given up left tracked is not the next batch's
            return open;
        }
        var scope = _scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
            db.Database.AutoSavepointsEnabled = false;
            await db.Database.OpenConnectionAsync();
            return _session = new Session(scope, db, scope.ServiceProvider.GetServices<ICaseStepObserver>().ToList());
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    private async Task DropSessionAsync()
    {
        if (_session is not { } session) return;
        _session = null;
        await session.DisposeAsync();
    }

    /// <summary>The city, read again when the session's copy is older than <see cref="CityFreshness"/>; while no city is
    /// set up, read every time, so reports are taken in as soon as one is imported.</summary>
    private async Task<City> CityAsync(Session session)
    {
        var now = _time.GetUtcNow();
        if (session.City is { } city && now - session.CityReadAt < CityFreshness) return city;
        session.City = await CityAsync(session.Db);
        session.CityReadAt = now;
        return session.City;
    }

    private static async Task<City> CityAsync(CivicGridDbContext db) =>
        await db.Cities.AsNoTracking().OrderBy(c => c.Code).FirstOrDefaultAsync()
            ?? throw new InvalidOperationException("No city is set up yet.");
}
