using System.Globalization;
using CivicGrid.Data;
using CivicGrid.Domain.Evaluation;
using CivicGrid.Domain.Geography;
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

    /// <summary>The name of the division or department a scope is bound to; null for the whole city.</summary>
    public async Task<string?> ScopeNameAsync(DataScope scope, CancellationToken cancellationToken) => scope.Kind switch
    {
        DataScopeKind.District or DataScopeKind.Street =>
            await db.AdministrativeUnits.AsNoTracking().Where(u => u.Code == scope.DivisionCode).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken) ?? scope.DivisionCode,
        DataScopeKind.Department =>
            await db.Departments.AsNoTracking().Where(d => d.Id == scope.DepartmentId).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken),
        _ => null,
    };

    /// <summary>The missed-report rate needs the registered and public-registered cases of the unit grids in each inspector's
    /// responsibility grids; they go into the inspector's Registered and PublicRegistered counters.</summary>
    private async Task AddInspectorGridsAsync(Dictionary<string, EvaluationCounts> counts, EvaluationPeriod period, DataScope scope, CancellationToken cancellationToken)
    {
        foreach (var (key, sums) in await RollupReader.SumOfInspectorGridsAsync(db, period, scope, cancellationToken))
        {
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

    /// <summary>Display names of the subjects (division names, department names, staff display names, type names). Reads
    /// every name of the kind's table (a few thousand at most) rather than a list of thousands of keys: one constant
    /// statement, and the caller looks its keys up. Grids have no names.</summary>
    internal async Task<Dictionary<string, string>> NamesAsync(EvaluationSubjectKind kind, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case EvaluationSubjectKind.District or EvaluationSubjectKind.Street or EvaluationSubjectKind.Community:
                var level = kind switch
                {
                    EvaluationSubjectKind.District => AdministrativeLevel.District,
                    EvaluationSubjectKind.Street => AdministrativeLevel.Street,
                    _ => AdministrativeLevel.Community,
                };
                return await db.AdministrativeUnits.AsNoTracking().Where(u => u.Level == level).ToDictionaryAsync(u => u.Code, u => u.Name, StringComparer.Ordinal, cancellationToken);
            case EvaluationSubjectKind.Department:
                return (await db.Departments.AsNoTracking().Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken))
                    .ToDictionary(d => d.Id.ToString(CultureInfo.InvariantCulture), d => d.Name, StringComparer.Ordinal);
            case EvaluationSubjectKind.CaseType:
                return (await db.CatalogueTypes.AsNoTracking().Select(t => new { t.Kind, t.Code, t.Name }).ToListAsync(cancellationToken))
                    .ToDictionary(t => $"{t.Kind}:{t.Code}", t => t.Name, StringComparer.Ordinal);
            case var position when position.IsPosition():
                return (await db.StaffUsers.AsNoTracking().Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
                    .ToDictionary(u => u.Id.ToString(CultureInfo.InvariantCulture), u => u.DisplayName, StringComparer.Ordinal);
            default:
                return new Dictionary<string, string>(StringComparer.Ordinal);
        }
    }
}
