using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Cases;

/// <summary>Gives out case numbers: one atomic upsert per number, inside the caller's transaction, so two creations
/// never share a number on either provider (SQLite serialises writers; PostgreSQL locks the counter row).</summary>
public static class CaseNumbers
{
    public static async Task<string> NextAsync(CivicGridDbContext db, string cityCode, string prefix, DateOnly localDay, CancellationToken cancellationToken) =>
        (await NextAsync(db, cityCode, prefix, localDay, 1, cancellationToken))[0];

    /// <summary><paramref name="count"/> consecutive numbers of one day with one statement (a group commit's new cases).</summary>
    public static async Task<string[]> NextAsync(CivicGridDbContext db, string cityCode, string prefix, DateOnly localDay, int count,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var last = (await db.Database.SqlQuery<int>($"""
            INSERT INTO "CaseNumberCounters" ("CityCode", "Day", "Last") VALUES ({cityCode}, {localDay}, {count})
            ON CONFLICT ("CityCode", "Day") DO UPDATE SET "Last" = "CaseNumberCounters"."Last" + {count}
            RETURNING "Last" AS "Value"
            """).ToListAsync(cancellationToken)).Single();
        return Enumerable.Range(last - count + 1, count).Select(sequence => CaseNumberCounter.Format(prefix, localDay, sequence)).ToArray();
    }
}
