using System.Globalization;
using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Evaluation;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Features.Cases;
using CivicGrid.Server.Features.Evaluation;
using CivicGrid.Server.Features.Map;
using CivicGrid.Server.Platform.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.CommandCentre;

/// <summary>The command centre's board within the viewer's data scope: today's figures against yesterday's, the overdue
/// cases (most overdue first), the department league (open and overdue now, and this month's on-time rate from the
/// evaluation roll-ups: handling stages due in the month and met, ADR 0011) and where new reports came from in the
/// last 24 hours. Days are the city's days (<see cref="CityClock"/>).</summary>
public sealed class CommandCentreBoard(CivicGridDbContext db, CaseNaming naming, EvaluationService evaluation, CityClock clock, TimeProvider time)
{
    public const int OverdueShown = 30;
    public const int HeatPoints = 2_000;

    public async Task<CommandBoard> GetAsync(DataScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var now = time.GetUtcNow();
        // As UTC instants: PostgreSQL's timestamptz parameters take no other offset.
        var today = clock.StartOfDay(now).ToUniversalTime();
        var yesterday = clock.StartOfDay(today.AddHours(-12)).ToUniversalTime();
        var cases = db.Cases.AsNoTracking().Within(scope);
        var open = cases.Where(c => !CaseStages.Terminal.Contains(c.Status));
        var overdue = open.Where(c => c.StageDueAt != null && c.StageDueAt < now);

        var figures = new BoardFigures(
            ReportedToday: await cases.CountAsync(c => c.CreatedAt >= today, cancellationToken),
            ReportedYesterday: await cases.CountAsync(c => c.CreatedAt >= yesterday && c.CreatedAt < today, cancellationToken),
            ClosedToday: await cases.CountAsync(c => c.Status == CaseStatus.Closed && c.ClosedAt >= today, cancellationToken),
            ClosedYesterday: await cases.CountAsync(c => c.Status == CaseStatus.Closed && c.ClosedAt >= yesterday && c.ClosedAt < today, cancellationToken),
            Open: await open.CountAsync(cancellationToken),
            Overdue: await overdue.CountAsync(cancellationToken));

        var names = await naming.GetAsync(cancellationToken);
        var late = await overdue.OrderBy(c => c.StageDueAt).ThenBy(c => c.Id).Take(OverdueShown)
            .Select(c => new { c.Id, c.Number, c.Kind, c.TypeCode, c.DistrictCode, c.StreetCode, c.CommunityCode, c.DepartmentId, c.StageDueAt, c.Status })
            .ToListAsync(cancellationToken);
        var overdueCases = late.Select(c => new OverdueCase(c.Id, c.Number, names.Type(c.Kind, c.TypeCode),
            names.Place(c.DistrictCode, c.StreetCode, c.CommunityCode), names.Department(c.DepartmentId), c.StageDueAt!.Value, c.Status)).ToList();

        var heat = await cases.Where(c => c.CreatedAt >= now.AddHours(-24)).OrderByDescending(c => c.CreatedAt).Take(HeatPoints)
            .Select(c => new HeatPoint(c.Longitude, c.Latitude)).ToListAsync(cancellationToken);

        return new CommandBoard(now, figures, overdueCases, await LeagueAsync(open, now, scope, names, cancellationToken), heat);
    }

    private async Task<List<LeagueRow>> LeagueAsync(IQueryable<Case> open, DateTimeOffset now, DataScope scope, CaseNaming.Names names,
        CancellationToken cancellationToken)
    {
        var live = await open.Where(c => c.DepartmentId != null).GroupBy(c => c.DepartmentId!.Value)
            .Select(g => new { Department = g.Key, Open = g.Count(), Overdue = g.Count(c => c.StageDueAt != null && c.StageDueAt < now) })
            .ToListAsync(cancellationToken);
        var local = clock.Local(now);
        var month = await evaluation.TableAsync(EvaluationSubjectKind.Department, EvaluationPeriod.Month(local.Year, local.Month), scope, cancellationToken);
        var due = month.Rows.Where(r => int.TryParse(r.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .ToDictionary(r => int.Parse(r.Key, CultureInfo.InvariantCulture), r => r.Counts);
        return live.Select(l => l.Department).Union(due.Keys)
            .Select(id =>
            {
                var counts = live.FirstOrDefault(l => l.Department == id);
                var month = due.GetValueOrDefault(id);
                return new LeagueRow(id, names.Department(id) ?? id.ToString(CultureInfo.InvariantCulture), counts?.Open ?? 0, counts?.Overdue ?? 0,
                    month?.Due ?? 0, month?.DueOnTime ?? 0, month is { Due: > 0 } ? (double)month.DueOnTime / month.Due : null);
            })
            .Where(r => r.Open > 0 || r.DueThisMonth > 0)
            .OrderByDescending(r => r.Overdue).ThenByDescending(r => r.Open).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }
}
