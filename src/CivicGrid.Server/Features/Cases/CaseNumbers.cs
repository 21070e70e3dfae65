using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Cases;

/// <summary>Gives out case numbers: one atomic upsert per number, inside the caller's transaction, so two creations
/// never share a number on either provider (SQLite serialises writers; PostgreSQL locks the counter row).</summary>
public static class CaseNumbers
{
    public static async Task<string> NextAsync(CivicGridDbContext db, string cityCode, string prefix, DateOnly localDay, CancellationToken cancellationToken)
    {
        var sequence = await db.Database.SqlQuery<int>($"""
            INSERT INTO "CaseNumberCounters" ("CityCode", "Day", "Last") VALUES ({cityCode}, {localDay}, 1)
            ON CONFLICT ("CityCode", "Day") DO UPDATE SET "Last" = "CaseNumberCounters"."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(cancellationToken);
        return CaseNumberCounter.Format(prefix, localDay, sequence.Single());
    }
}
