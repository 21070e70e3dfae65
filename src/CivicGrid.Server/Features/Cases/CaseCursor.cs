using System.Globalization;
using CivicGrid.Domain.Cases;

namespace CivicGrid.Server.Features.Cases;

/// <summary>Keyset paging of case lists by (created, id), the order of the Cases(CreatedAt, Id) index (issue 16): the
/// cursor names the last case of the previous page, so a page deep in history costs what the first page costs.
/// Written as "{unix milliseconds}_{id}". Used by GET /api/v1/cases (<c>after</c>) and by Open311 (<c>cursor</c>).</summary>
public readonly record struct CaseCursor(long CreatedAtMilliseconds, long Id)
{
    private const long LatestMilliseconds = 253402300799999; // 9999-12-31T23:59:59.999Z

    public static CaseCursor After(Case last) => new(last.CreatedAt.ToUnixTimeMilliseconds(), last.Id);

    public DateTimeOffset CreatedAt => DateTimeOffset.FromUnixTimeMilliseconds(CreatedAtMilliseconds);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{CreatedAtMilliseconds}_{Id}");

    public static bool TryParse(string? text, out CaseCursor cursor)
    {
        cursor = default;
        var parts = text?.Split('_');
        if (parts is not { Length: 2 }
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ms) || ms > LatestMilliseconds
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }
        cursor = new CaseCursor(ms, id);
        return true;
    }

    /// <summary>The cases after this cursor newest first (older, or as old with a smaller id).</summary>
    public IQueryable<Case> Older(IQueryable<Case> query)
    {
        var (at, id) = (CreatedAt, Id);
        return query.Where(c => c.CreatedAt < at || (c.CreatedAt == at && c.Id < id));
    }

    /// <summary>The cases after this cursor oldest first (newer, or as new with a larger id).</summary>
    public IQueryable<Case> Newer(IQueryable<Case> query)
    {
        var (at, id) = (CreatedAt, Id);
        return query.Where(c => c.CreatedAt > at || (c.CreatedAt == at && c.Id > id));
    }
}
