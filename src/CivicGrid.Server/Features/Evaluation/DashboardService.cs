using CivicGrid.Data;
using CivicGrid.Domain.Evaluation;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Features.Cases;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CivicGrid.Server.Features.Evaluation;

/// <summary>Builds the dashboard from the roll-ups (a few grouped reads of small slices) plus one count of overdue
/// open cases on the cases table (index on StageDueAt).</summary>
public sealed class DashboardService(CivicGridDbContext db, EvaluationService evaluation, DashboardCache cache, TimeProvider time)
{
    public async Task<Dashboard> GetAsync(EvaluationPeriod period, bool weekly, int hotspots, int top, DataScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(scope);
        var now = time.GetUtcNow();
        var overdue = await db.Cases.AsNoTracking().Within(scope).CountAsync(c => c.StageDueAt != null && c.StageDueAt < now, cancellationToken);
        var key = new DashboardCache.Key(period.Label, period.From, period.To, weekly, hotspots, top, scope.Kind, scope.DivisionCode, scope.DepartmentId);
        if (!cache.TryGet(key, out var built))
        {
            var version = cache.Version; // before reading: a step committing meanwhile makes this entry stale at once
            built = await BuildAsync(period, weekly, hotspots, top, scope, cancellationToken);
            cache.Put(key, version, built);
        }
        // "Overdue now" moves with the clock, not with steps: live on every call, like the as-of time.
        return built with { AsOf = now, Figures = built.Figures.Select(f => f.Code == OverdueNow ? f with { Value = overdue } : f).ToList() };
    }

    private const string OverdueNow = "overdueNow";

    /// <summary>Everything the roll-ups give (all but the live overdue count).</summary>
    private async Task<Dashboard> BuildAsync(EvaluationPeriod period, bool weekly, int hotspots, int top, DataScope scope, CancellationToken cancellationToken)
    {
        // The headline kind is the one the scope sees whole: districts (city or district scope) or the street itself.
        var headline = scope.Kind == DataScopeKind.Street ? EvaluationSubjectKind.Street : EvaluationSubjectKind.District;
        var byDistrict = await RollupReader.SumBySubjectAsync(db, headline, period, scope, null, cancellationToken);
        var total = new EvaluationCounts();
        foreach (var c in byDistrict.Values) total.AddAll(c);

        Figure Count(string code, int value, EvaluationMeasure measure) => new(code, value, null, null, DashboardLinks.Cases(headline, null, measure, period));
        var figures = new List<Figure>
        {
            Count("reported", total.Reported, EvaluationMeasure.Reported),
            Count("publicReported", total.PublicReported, EvaluationMeasure.PublicReported),
            Count("registered", total.Registered, EvaluationMeasure.Registered),
            Count("closed", total.Closed, EvaluationMeasure.Closed),
            Count("closedOnTime", total.ClosedOnTime, EvaluationMeasure.ClosedOnTime),
            Count("voided", total.Voided, EvaluationMeasure.Voided),
            Count("due", total.Due, EvaluationMeasure.Due),
            // The same formula as the regions' table (handling stages due in the period, closed or not; ADR 0011).
            new("onTimeClosureRate", total.Due > 0 ? (double)total.DueOnTime / total.Due : null, total.DueOnTime, total.Due,
                DashboardLinks.Cases(headline, null, EvaluationMeasure.DueOnTime, period)),
            new("closureRate", total.Registered > 0 ? Math.Min(1, (double)total.Closed / total.Registered) : null, total.Closed, total.Registered,
                DashboardLinks.Cases(headline, null, EvaluationMeasure.Closed, period)),
            new(OverdueNow, null, null, null, "/api/v1/cases?light=red"),
        };

        var days = await RollupReader.SumByDayAsync(db, headline, period, scope, null, cancellationToken);
        var trend = days
            .GroupBy(d => weekly ? Monday(EvaluationRollup.FromDayNumber(d.Key)) : EvaluationRollup.FromDayNumber(d.Key))
            .Select(g => new TrendPoint(g.Key, g.Sum(d => d.Counts.Reported), g.Sum(d => d.Counts.Registered), g.Sum(d => d.Counts.Closed), g.Sum(d => d.Counts.ClosedOnTime)))
            .OrderBy(p => p.Start).ToList();

        var types = await RollupReader.SumBySubjectAsync(db, EvaluationSubjectKind.CaseType, period, scope, null, cancellationToken);
        var typeNames = await evaluation.NamesAsync(EvaluationSubjectKind.CaseType, types.Keys, cancellationToken);
        var byType = types.OrderByDescending(t => t.Value.Registered).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => DashboardLinks.Of(t.Key, typeNames.GetValueOrDefault(t.Key, t.Key), t.Value, EvaluationSubjectKind.CaseType, period)).ToList();
        var channels = await RollupReader.SumBySubjectAsync(db, EvaluationSubjectKind.Channel, period, scope, null, cancellationToken);
        var byChannel = channels.OrderByDescending(c => c.Value.Reported).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => DashboardLinks.Of(c.Key, c.Key, c.Value, EvaluationSubjectKind.Channel, period)).ToList();
        var districtNames = await evaluation.NamesAsync(headline, byDistrict.Keys, cancellationToken);
        var districts = byDistrict.OrderByDescending(d => d.Value.Registered).ThenBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => DashboardLinks.Of(d.Key, districtNames.GetValueOrDefault(d.Key, d.Key), d.Value, headline, period)).ToList();

        // Only the two counters a hotspot shows; the database sums every grid of the scope and returns the top N by reports.
        var hottest = await RollupReader.TopBySubjectAsync(db, EvaluationSubjectKind.Grid, period, scope, HotspotMeasures, hotspots, cancellationToken);
        var codes = hottest.Select(h => h.Key).ToList();
        var grids = (await db.UnitGrids.AsNoTracking().Where(g => codes.Contains(g.Code))
            .Select(g => new { g.Code, g.StreetCode, g.CommunityCode, g.Boundary }).ToListAsync(cancellationToken))
            .ToDictionary(g => g.Code);
        var divisions = grids.Values.SelectMany(g => new[] { g.StreetCode, g.CommunityCode }).Distinct().ToList();
        var divisionNames = await db.AdministrativeUnits.AsNoTracking().Where(u => divisions.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, u => u.Name, StringComparer.Ordinal, cancellationToken);
        // Cached per period and scope, not per language: the Chinese name (the English one is rarely given for divisions).
        string Name(string code) => divisionNames.GetValueOrDefault(code, code);
        var hot = hottest.Select(h =>
        {
            var grid = grids.GetValueOrDefault(h.Key);
            var centre = grid?.Boundary.Centroid ?? Point.Empty;
            return new Hotspot(h.Key,
                grid is null ? "" : Name(grid.StreetCode), grid is null ? "" : Name(grid.CommunityCode),
                GridSerial(h.Key, grid?.CommunityCode),
                centre.IsEmpty ? 0 : centre.X, centre.IsEmpty ? 0 : centre.Y, h.Counts.Reported, h.Counts.Registered,
                DashboardLinks.Cases(EvaluationSubjectKind.Grid, h.Key, EvaluationMeasure.Reported, period));
        }).ToList();

        var league = await evaluation.TableAsync(EvaluationSubjectKind.Department, period, scope, cancellationToken);
        return new Dashboard(period.Label, period.From, period.To, default, figures, trend, byType, byChannel, districts, hot,
            byType.Take(top).ToList(), league.Rows);
    }

    /// <summary>A grid's serial within its community: the digits after the community code, without leading zeros
    /// (docs/domain/space-and-codes.md); the whole code when it does not start with the community's.</summary>
    internal static string GridSerial(string grid, string? community) =>
        community is { Length: > 0 } && grid.Length > community.Length && grid.StartsWith(community, StringComparison.Ordinal)
            ? grid[community.Length..].TrimStart('0') is { Length: > 0 } serial ? serial : "0"
            : grid;

    private static readonly EvaluationMeasure[] HotspotMeasures = [EvaluationMeasure.Reported, EvaluationMeasure.Registered];

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
