using System.Globalization;
using CivicGrid.Data;
using CivicGrid.Domain.Evaluation;
using CivicGrid.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.Evaluation;

/// <summary>Evaluation tables (综合评价) from the roll-ups: sums the period's buckets per subject, adds what a formula needs
/// from elsewhere (grid counts for regions, the inspector's grids for the missed-report rate, satisfaction), scores with
/// the city's settings and ranks.</summary>
public sealed class EvaluationService(CivicGridDbContext db, IOptions<EvaluationOptions> options, ISatisfactionSource satisfaction)
{
    public async Task<EvaluationSettings> SettingsAsync(CancellationToken cancellationToken) =>
        options.Value.For(await db.Cities.AsNoTracking().OrderBy(c => c.Code).Select(c => c.Code).FirstOrDefaultAsync(cancellationToken));

    public async Task<EvaluationTable> TableAsync(EvaluationSubjectKind kind, EvaluationPeriod period, DataScope scope, CancellationToken cancellationToken)
    {
        var settings = await SettingsAsync(cancellationToken);
        var counts = await RollupReader.SumBySubjectAsync(db, kind, period, scope, null, cancellationToken);
        if (kind == EvaluationSubjectKind.Inspector) await AddInspectorGridsAsync(counts, period, scope, cancellationToken);
        var grids = kind.IsRegion() ? await GridCountsAsync(kind, cancellationToken) : null;
        var names = await NamesAsync(kind, counts.Keys, cancellationToken);
        var ratings = await satisfaction.ForAsync(kind, period, scope, cancellationToken);
        var ranked = EvaluationRanking.Rank(counts.Select(c => (
            c.Key,
            names.GetValueOrDefault(c.Key, c.Key),
            EvaluationFormulas.Score(kind, c.Value, settings, kind == EvaluationSubjectKind.Grid ? 1 : grids?.GetValueOrDefault(c.Key) ?? 0, ratings.GetValueOrDefault(c.Key)),
            c.Value)));
        return new EvaluationTable(kind.ToCode(), period.Label, period.From, period.To,
            ranked.Select(r => new EvaluationRow(r.Rank, r.Key, r.Name, r.Scorecard.Score, r.Scorecard.Grade, r.Scorecard.Indicators, r.Counts)).ToList());
    }

    /// <summary>The missed-report rate needs the registered and public-registered cases of the unit grids in each inspector's
    /// responsibility grids; they go into the inspector's Registered and PublicRegistered counters.</summary>
    private async Task AddInspectorGridsAsync(Dictionary<string, EvaluationCounts> counts, EvaluationPeriod period, DataScope scope, CancellationToken cancellationToken)
    {
        var gridSums = await RollupReader.SumBySubjectAsync(db, EvaluationSubjectKind.Grid, period, scope, null, cancellationToken);
        var inspectorOf = await (from g in db.UnitGrids.AsNoTracking()
                                 join r in db.ResponsibilityGrids.AsNoTracking() on g.ResponsibilityGridId equals r.Id
                                 where r.InspectorUserId != null
                                 select new { g.Code, r.InspectorUserId }).ToDictionaryAsync(x => x.Code, x => x.InspectorUserId!.Value, cancellationToken);
        foreach (var (grid, sums) in gridSums)
        {
            if (!inspectorOf.TryGetValue(grid, out var inspector)) continue;
            var key = inspector.ToString(CultureInfo.InvariantCulture);
            if (!counts.TryGetValue(key, out var c)) counts[key] = c = new EvaluationCounts();
            c.Registered += sums.Registered;
            c.PublicRegistered += sums.PublicRegistered;
        }
    }

    private async Task<Dictionary<string, int>> GridCountsAsync(EvaluationSubjectKind kind, CancellationToken cancellationToken)
    {
        var grids = db.UnitGrids.AsNoTracking();
        return kind switch
        {
            EvaluationSubjectKind.District => await grids.GroupBy(g => g.DistrictCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken),
            EvaluationSubjectKind.Street => await grids.GroupBy(g => g.StreetCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken),
            EvaluationSubjectKind.Community => await grids.GroupBy(g => g.CommunityCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken),
            _ => new Dictionary<string, int>(StringComparer.Ordinal), // a grid is one grid
        };
    }

    /// <summary>Display names of the subjects (division names, department names, staff display names, type names).</summary>
    internal async Task<Dictionary<string, string>> NamesAsync(EvaluationSubjectKind kind, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var wanted = keys.ToList();
        var ids = wanted.Select(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1).Where(id => id >= 0).ToList();
        switch (kind)
        {
            case EvaluationSubjectKind.District or EvaluationSubjectKind.Street or EvaluationSubjectKind.Community:
                return await db.AdministrativeUnits.AsNoTracking().Where(u => wanted.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
            case EvaluationSubjectKind.Department:
                return (await db.Departments.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken))
                    .ToDictionary(d => d.Id.ToString(CultureInfo.InvariantCulture), d => d.Name);
            case EvaluationSubjectKind.CaseType:
                return (await db.CatalogueTypes.AsNoTracking().Select(t => new { t.Kind, t.Code, t.Name }).ToListAsync(cancellationToken))
                    .ToDictionary(t => $"{t.Kind}:{t.Code}", t => t.Name);
            case var position when position.IsPosition():
                return (await db.StaffUsers.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
                    .ToDictionary(u => u.Id.ToString(CultureInfo.InvariantCulture), u => u.DisplayName);
            default:
                return new Dictionary<string, string>(StringComparer.Ordinal);
        }
    }
}
