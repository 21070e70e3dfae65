using System.Collections.Concurrent;
using CivicGrid.Data;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Server.Features.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Cases;

/// <summary>Whether a report's type is offered (an active type of the catalogue with a case standard, <see cref="OfferedTypes"/>), without a database read per report: a type
/// found active is remembered for <see cref="Freshness"/>. A type not found is looked up again every time, so a type
/// added (by the administration or the import verb, here or on another instance) is accepted at once; a type
/// withdrawn is refused at once: <see cref="ReferenceDataChanges"/> says so here and, on PostgreSQL, on every instance;
/// <see cref="Freshness"/> bounds what a missed signal (a SQLite file changed by another process) can cost.</summary>
public sealed class CatalogueTypeCheck
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(CatalogueKind Kind, string Code), DateTimeOffset> _active = new();
    private readonly TimeProvider _time;

    public CatalogueTypeCheck(TimeProvider time, ReferenceDataChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        _time = time;
        changes.Changed += Forget;
    }

    public async ValueTask<bool> IsActiveAsync(CivicGridDbContext db, CatalogueKind kind, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = _time.GetUtcNow();
        if (_active.TryGetValue((kind, code), out var seen) && now - seen < Freshness) return true;
        var active = await db.CatalogueTypes.Where(t => t.Kind == kind && t.Code == code).Offered(db).AnyAsync(cancellationToken);
        if (active) _active[(kind, code)] = now;
        else _active.TryRemove((kind, code), out _);
        return active;
    }

    /// <summary>Drops every remembered type (the catalogue changed).</summary>
    public void Forget() => _active.Clear();
}
