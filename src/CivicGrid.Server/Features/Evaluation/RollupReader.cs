using System.Data.Common;
using System.Globalization;
using System.Text;
using CivicGrid.Data;
using CivicGrid.Domain.Evaluation;
using CivicGrid.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CivicGrid.Server.Features.Evaluation;

/// <summary>Sums roll-up rows: one subject kind over a period (its year, month and day buckets), within a data scope.
/// A district scope sees the rows of its district (for departments and positions: their work on the district's cases);
/// a street scope sees the street and its communities and grids; a department scope sees its own department's row.
/// <para>Read with plain ADO.NET on the context's connection (SQLite and PostgreSQL speak the same SQL here): one
/// statement per call, the period's bucket ranges as <c>UNION ALL</c>, sums straight into counters. A year of 40,000
/// grids is 40,000 rows; materialising them as EF entities cost more than the database's own work (ADR 0011).</para></summary>
internal static class RollupReader
{
    /// <summary>Per subject key, the sums over the period of the counters the kind moves (<see cref="EvaluationSubjectKinds.Measures"/>;
    /// the others are zero on its rows).</summary>
    public static Task<Dictionary<string, EvaluationCounts>> SumBySubjectAsync(
        CivicGridDbContext db, EvaluationSubjectKind kind, EvaluationPeriod period, DataScope scope, string? district, CancellationToken cancellationToken) =>
        SumAsync(db, kind, period, scope, district, kind.Measures(), cancellationToken);

    /// <summary>The <paramref name="limit"/> subjects with the highest sum of <paramref name="measures"/>[0] over the period
    /// (exact ties by key, ordinal), with the sums of the <paramref name="measures"/>; the other counters of the result are
    /// zero. The database groups and keeps the top rows itself (hotspots: 200 of 40,000 grids), so only those rows are read.</summary>
    public static async Task<List<Keyed<string>>> TopBySubjectAsync(
        CivicGridDbContext db, EvaluationSubjectKind kind, EvaluationPeriod period, DataScope scope, IReadOnlyList<EvaluationMeasure> measures, int limit,
        CancellationToken cancellationToken)
    {
        var result = new List<Keyed<string>>(limit);
        // PostgreSQL orders text by the database's collation unless told otherwise; "C" is byte order, as SQLite's BINARY.
        var byCode = db.Database.IsNpgsql() ? "\"SubjectKey\" COLLATE \"C\"" : "\"SubjectKey\"";
        var order = string.Create(CultureInfo.InvariantCulture, $"ORDER BY 2 DESC, {byCode} LIMIT {limit}");
        await ReadAsync(db, kind, period.Buckets(), scope, null, "\"SubjectKey\"", measures, reader =>
        {
            var counts = new EvaluationCounts();
            for (var i = 0; i < measures.Count; i++) counts.Add(measures[i], Int(reader, i + 1));
            result.Add(new Keyed<string>(reader.GetString(0), counts));
        }, cancellationToken, order);
        return result;
    }

    private static async Task<Dictionary<string, EvaluationCounts>> SumAsync(
        CivicGridDbContext db, EvaluationSubjectKind kind, EvaluationPeriod period, DataScope scope, string? district, IReadOnlyList<EvaluationMeasure> measures,
        CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, EvaluationCounts>(StringComparer.Ordinal);
        await ReadAsync(db, kind, period.Buckets(), scope, district, "\"SubjectKey\"", measures, reader =>
        {
            var counts = new EvaluationCounts();
            for (var i = 0; i < measures.Count; i++) counts.Add(measures[i], Int(reader, i + 1));
            result[reader.GetString(0)] = counts;
        }, cancellationToken);
        return result;
    }

    /// <summary>Per day (yyyymmdd), the sums over every subject of the kind (for trends).</summary>
    public static async Task<List<Keyed<int>>> SumByDayAsync(
        CivicGridDbContext db, EvaluationSubjectKind kind, EvaluationPeriod period, DataScope scope, string? district, CancellationToken cancellationToken)
    {
        var range = new BucketRange(EvaluationBucketKind.Day, EvaluationRollup.DayNumber(period.From), EvaluationRollup.DayNumber(period.To));
        var result = new List<Keyed<int>>();
        var measures = kind.Measures();
        await ReadAsync(db, kind, [range], scope, district, "\"BucketStart\"", measures, reader =>
        {
            var counts = new EvaluationCounts();
            for (var i = 0; i < measures.Count; i++) counts.Add(measures[i], Int(reader, i + 1));
            result.Add(new Keyed<int>(Int(reader, 0), counts));
        }, cancellationToken);
        return result.OrderBy(k => k.Key).ToList();
    }

    /// <summary>For each inspector with responsibility grids, the Registered and PublicRegistered sums of the unit grids
    /// in them over the period (the missed-report rate), joined in the database rather than in memory.</summary>
    public static async Task<Dictionary<string, (int Registered, int PublicRegistered)>> SumOfInspectorGridsAsync(
        CivicGridDbContext db, EvaluationPeriod period, DataScope scope, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        await using var command = await ContextCommands.CreateAsync(db, cancellationToken);
        var where = Ranges(command, EvaluationSubjectKind.Grid, period.Buckets(), scope, null);
        if (where.Count == 0) return result;
        var rows = string.Join(" UNION ALL ", where.Select(w => $"SELECT \"SubjectKey\", \"Registered\", \"PublicRegistered\" FROM \"EvaluationRollups\" WHERE {w}"));
        command.CommandText = $"""
            SELECT rg."InspectorUserId", SUM(r."Registered"), SUM(r."PublicRegistered")
            FROM ({rows}) r
            JOIN "UnitGrids" g ON g."Code" = r."SubjectKey"
            JOIN "ResponsibilityGrids" rg ON rg."Id" = g."ResponsibilityGridId"
            WHERE rg."InspectorUserId" IS NOT NULL
            GROUP BY rg."InspectorUserId"
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[Int(reader, 0).ToString(CultureInfo.InvariantCulture)] = (Int(reader, 1), Int(reader, 2));
        }
        return result;
    }

    private static async Task ReadAsync(CivicGridDbContext db, EvaluationSubjectKind kind, IReadOnlyList<BucketRange> ranges, DataScope scope, string? district,
        string key, IReadOnlyList<EvaluationMeasure> measures, Action<DbDataReader> row, CancellationToken cancellationToken, string? then = null)
    {
        await using var command = await ContextCommands.CreateAsync(db, cancellationToken);
        var where = Ranges(command, kind, ranges, scope, district);
        if (where.Count == 0) return;
        var sums = string.Join(", ", measures.Select(m => $"SUM(\"{m}\")"));
        // One range (a year, a month, the days of a trend) is summed straight off its range scan of the key; several
        // (a custom period: years + months + days) are unioned first.
        command.CommandText = where.Count == 1
            ? $"SELECT {key}, {sums} FROM \"EvaluationRollups\" WHERE {where[0]} GROUP BY {key}"
            : $"SELECT {key}, {sums} FROM ({string.Join(" UNION ALL ", where.Select(w => $"SELECT {key}, {string.Join(", ", measures.Select(m => $"\"{m}\""))} FROM \"EvaluationRollups\" WHERE {w}"))}) r GROUP BY {key}";
        if (then is not null) command.CommandText += " " + then;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) row(reader);
    }

    /// <summary>One WHERE condition per bucket range (each a contiguous slice of the primary key: kind, bucket kind, bucket
    /// start), with the scope's filter; none when the scope sees no row of this kind.</summary>
    private static List<string> Ranges(DbCommand command, EvaluationSubjectKind kind, IReadOnlyList<BucketRange> ranges, DataScope scope, string? district)
    {
        var filter = new StringBuilder();
        switch (scope.Kind)
        {
            case DataScopeKind.City:
                break;
            case DataScopeKind.District when scope.DivisionCode is { } code:
                filter.Append(" AND \"DistrictCode\" = ").Append(command.AddParameter(code));
                break;
            case DataScopeKind.Street when scope.DivisionCode is { } code && kind is EvaluationSubjectKind.Street or EvaluationSubjectKind.Community or EvaluationSubjectKind.Grid:
                filter.Append(CultureInfo.InvariantCulture, $" AND substr(\"SubjectKey\", 1, {code.Length}) = ").Append(command.AddParameter(code));
                break;
            case DataScopeKind.Department when scope.DepartmentId is { } id && kind == EvaluationSubjectKind.Department:
                filter.Append(" AND \"SubjectKey\" = ").Append(command.AddParameter(id.ToString(CultureInfo.InvariantCulture)));
                break;
            default:
                return [];
        }
        if (district is not null) filter.Append(" AND \"DistrictCode\" = ").Append(command.AddParameter(district));
        var subject = command.AddParameter(kind.ToString());
        return ranges.Select(r => r.From == r.To
                ? $"\"SubjectKind\" = {subject} AND \"BucketKind\" = {command.AddParameter(r.Kind.ToString())} AND \"BucketStart\" = {command.AddParameter(r.From)}{filter}"
                : $"\"SubjectKind\" = {subject} AND \"BucketKind\" = {command.AddParameter(r.Kind.ToString())} AND \"BucketStart\" >= {command.AddParameter(r.From)} AND \"BucketStart\" <= {command.AddParameter(r.To)}{filter}")
            .ToList();
    }

    /// <summary>SUM() is a 64-bit integer in both databases; the counters are ints.</summary>
    private static int Int(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : checked((int)reader.GetInt64(ordinal));
}

/// <summary>Counters summed under one key.</summary>
internal sealed record Keyed<TKey>(TKey Key, EvaluationCounts Counts);
