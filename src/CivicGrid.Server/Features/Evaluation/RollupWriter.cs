using System.Globalization;
using System.Text;
using CivicGrid.Data;
using CivicGrid.Domain.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Evaluation;

/// <summary>Adds counters to the roll-ups with one INSERT … ON CONFLICT DO UPDATE statement (both SQLite and PostgreSQL
/// speak it): concurrent steps add to the same row without lost updates, and the statement runs in the caller's
/// transaction, so it commits or rolls back with the case step.</summary>
internal static class RollupWriter
{
    private static readonly string[] Columns = EvaluationMeasures.All.Select(m => m.ToString()).ToArray();

    private static readonly string Head =
        "INSERT INTO \"EvaluationRollups\" (\"SubjectKind\", \"BucketKind\", \"BucketStart\", \"SubjectKey\", \"DistrictCode\", "
        + string.Join(", ", Columns.Select(c => $"\"{c}\"")) + ") VALUES ";

    private static readonly string Tail =
        " ON CONFLICT (\"SubjectKind\", \"BucketKind\", \"BucketStart\", \"SubjectKey\", \"DistrictCode\") DO UPDATE SET "
        + string.Join(", ", Columns.Select(c => $"\"{c}\" = \"EvaluationRollups\".\"{c}\" + excluded.\"{c}\""));

    public static async Task AddAsync(CivicGridDbContext db, IReadOnlyCollection<EvaluationRollup> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        var sql = new StringBuilder(Head);
        var parameters = new List<object>(rows.Count * 2);
        var first = true;
        foreach (var row in rows)
        {
            if (!first) sql.Append(", ");
            first = false;
            // Kinds are enum names and numbers are ints (safe as literals); the keys come from data and are parameters.
            sql.Append(CultureInfo.InvariantCulture, $"('{row.SubjectKind}', '{row.BucketKind}', {row.BucketStart}, {{{parameters.Count}}}, {{{parameters.Count + 1}}}");
            parameters.Add(row.SubjectKey);
            parameters.Add(row.DistrictCode);
            foreach (var measure in EvaluationMeasures.All) sql.Append(CultureInfo.InvariantCulture, $", {row.Get(measure)}");
            sql.Append(')');
        }
        sql.Append(Tail);
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
    }
}
