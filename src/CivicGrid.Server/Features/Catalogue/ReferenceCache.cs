using CivicGrid.Data;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Catalogue;

/// <summary>The catalogue types and departments in memory, for the public reads that name them on every request
/// (Open311 lists, the public map): read once, dropped when <see cref="ReferenceDataChanges"/> says they changed on any
/// instance (a type's sensitivity included), read again on the next use. Rows are shared: callers must not change them.</summary>
public sealed class ReferenceCache
{
    public sealed record Snapshot(
        IReadOnlyDictionary<(CatalogueKind Kind, string Code), CatalogueType> Types, IReadOnlyDictionary<int, Department> Departments);

    private readonly IServiceScopeFactory _scopes;
    private Task<Snapshot>? _current;
    private long _generation;

    public ReferenceCache(IServiceScopeFactory scopes, ReferenceDataChanges changes)
    {
        _scopes = scopes;
        changes.Changed += () =>
        {
            Interlocked.Increment(ref _generation);
            Volatile.Write(ref _current, null);
        };
    }

    public Task<Snapshot> GetAsync()
    {
        var current = Volatile.Read(ref _current);
        if (current is { IsFaulted: false, IsCanceled: false }) return current;
        var generation = Volatile.Read(ref _generation);
        var loading = LoadAsync();
        // A load that began before a change must not stay: what it read may be the old data.
        if (Interlocked.CompareExchange(ref _current, loading, current) == current && generation != Volatile.Read(ref _generation))
            Interlocked.CompareExchange(ref _current, null, loading);
        return loading;
    }

    private async Task<Snapshot> LoadAsync()
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        var types = await db.CatalogueTypes.AsNoTracking().ToDictionaryAsync(t => (t.Kind, t.Code));
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id);
        return new Snapshot(types, departments);
    }
}
