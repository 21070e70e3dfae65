using System.Globalization;
using CivicGrid.Data;
using CivicGrid.Domain.Evaluation;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Evaluation;

/// <summary>
/// Citizens' satisfaction from their ratings of closed cases (<c>CaseRatings</c>, 1–5, one per case). A rating belongs to
/// the period in which its case was (last) closed, so a month's satisfaction is that of the work closed that month, and
/// a rating given a few days after the month's end still lands in that month. It is credited to the case's place (district,
/// street, community, grid: where the problem was) and to the department the case was last dispatched to (the one that
/// handled it). Positions get none: a citizen rates the outcome, not the desk work behind it.
/// </summary>
/// <remarks>Read live (ratings are few next to the steps and arrive outside the step workflow, so they are not rolled up)
/// with one grouped statement that walks the ratings and looks each case up by its key. The order is forced
/// (<c>CROSS JOIN</c> keeps its left table outer on SQLite; PostgreSQL plans it as an inner join): left to itself, SQLite
/// walked the whole cases table through the index on DistrictCode (or DepartmentId) and looked for a rating for each —
/// 1.5 s for the 16 districts of a 1 M-case year with no rating at all (ADR 0011 §12, docs/performance.md). Ratings are
/// at most one per case, so walking them is never the larger side.</remarks>
public sealed class CaseRatingSatisfaction(CivicGridDbContext db, CityCalendar calendars) : ISatisfactionSource
{
    public async Task<IReadOnlyDictionary<string, SatisfactionFigure>> ForAsync(
        EvaluationSubjectKind kind, EvaluationPeriod period, DataScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(scope);
        var result = new Dictionary<string, SatisfactionFigure>(StringComparer.Ordinal);
        var column = kind switch
        {
            EvaluationSubjectKind.District => "DistrictCode",
            EvaluationSubjectKind.Street => "StreetCode",
            EvaluationSubjectKind.Community => "CommunityCode",
            EvaluationSubjectKind.Grid => "GridCode",
            EvaluationSubjectKind.Department => "DepartmentId",
            _ => null,
        };
        if (column is null) return result;
        var zone = (await calendars.GetAsync(cancellationToken)).Zone;
        await using var command = await ContextCommands.CreateAsync(db, cancellationToken);
        var within = scope switch
        {
            { Kind: DataScopeKind.City } => "",
            { Kind: DataScopeKind.District, DivisionCode: { } code } => $" AND c.\"DistrictCode\" = {command.AddParameter(code)}",
            { Kind: DataScopeKind.Street, DivisionCode: { } code } => $" AND c.\"StreetCode\" = {command.AddParameter(code)}",
            { Kind: DataScopeKind.Department, DepartmentId: { } id } => $" AND c.\"DepartmentId\" = {command.AddParameter(id)}",
            _ => null, // a scope that sees no case
        };
        if (within is null) return result;
        var from = Instant(EvaluationDrillDown.Instant(period.From, zone));
        var to = Instant(EvaluationDrillDown.Instant(period.To.AddDays(1), zone));
        command.CommandText = $"""
            SELECT c."{column}", COUNT(*), SUM(r."Score")
            FROM "CaseRatings" r CROSS JOIN "Cases" c
            WHERE c."Id" = r."CaseId" AND c."ClosedAt" >= {command.AddParameter(from)} AND c."ClosedAt" < {command.AddParameter(to)}
              AND c."{column}" IS NOT NULL{within}
            GROUP BY c."{column}"
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!;
            var count = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            var sum = Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture);
            result[key] = new SatisfactionFigure(count, (double)sum / count);
        }
        return result;

        // SQLite keeps instants as UTC milliseconds (the model's converter); PostgreSQL as timestamptz, which Npgsql wants in UTC.
        object Instant(DateTimeOffset t) => db.Database.IsSqlite() ? t.ToUnixTimeMilliseconds() : t.ToUniversalTime();
    }
}
