using CivicGrid.Data;
using CivicGrid.Domain.Evaluation;
using CivicGrid.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Evaluation;

/// <summary>Sums roll-up rows: one subject kind over a period (its year, month and day buckets), within a data scope.
/// A district scope sees the rows of its district (for departments and positions: their work on the district's cases);
/// a street scope sees the street and its communities and grids; a department scope sees its own department's row.</summary>
internal static class RollupReader
{
    public static IQueryable<EvaluationRollup> Within(this IQueryable<EvaluationRollup> rows, EvaluationSubjectKind kind, DataScope scope)
    {
        rows = rows.Where(r => r.SubjectKind == kind);
        return scope.Kind switch
        {
            DataScopeKind.City => rows,
            DataScopeKind.District when scope.DivisionCode is { } code => rows.Where(r => r.DistrictCode == code),
            DataScopeKind.Street when scope.DivisionCode is { } code && kind is EvaluationSubjectKind.Street or EvaluationSubjectKind.Community or EvaluationSubjectKind.Grid =>
                rows.Where(r => r.SubjectKey.StartsWith(code)),
            DataScopeKind.Department when scope.DepartmentId is { } id && kind == EvaluationSubjectKind.Department =>
                rows.Where(r => r.SubjectKey == id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            _ => rows.Where(_ => false),
        };
    }

    /// <summary>Per subject key, the sums of every counter over the period.</summary>
    public static async Task<Dictionary<string, EvaluationCounts>> SumBySubjectAsync(
        CivicGridDbContext db, EvaluationSubjectKind kind, EvaluationPeriod period, DataScope scope, string? district, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, EvaluationCounts>(StringComparer.Ordinal);
        foreach (var range in period.Buckets())
        {
            var rows = InRange(db.EvaluationRollups.AsNoTracking().Within(kind, scope), range);
            if (district is not null) rows = rows.Where(r => r.DistrictCode == district);
            var sums = await Sum(rows.GroupBy(r => r.SubjectKey)).ToListAsync(cancellationToken);
            foreach (var (key, counts) in sums.Select(s => (s.Key, s.Counts)))
            {
                if (result.TryGetValue(key, out var existing)) existing.AddAll(counts);
                else result[key] = counts;
            }
        }
        return result;
    }

    /// <summary>Per day (yyyymmdd), the sums over every subject of the kind (for trends).</summary>
    public static async Task<List<Keyed<int>>> SumByDayAsync(
        CivicGridDbContext db, EvaluationSubjectKind kind, EvaluationPeriod period, DataScope scope, string? district, CancellationToken cancellationToken)
    {
        var range = new BucketRange(EvaluationBucketKind.Day, EvaluationRollup.DayNumber(period.From), EvaluationRollup.DayNumber(period.To));
        var rows = InRange(db.EvaluationRollups.AsNoTracking().Within(kind, scope), range);
        if (district is not null) rows = rows.Where(r => r.DistrictCode == district);
        return (await Sum(rows.GroupBy(r => r.BucketStart)).ToListAsync(cancellationToken)).OrderBy(k => k.Key).ToList();
    }

    private static IQueryable<EvaluationRollup> InRange(IQueryable<EvaluationRollup> rows, BucketRange range) =>
        rows.Where(r => r.BucketKind == range.Kind && r.BucketStart >= range.From && r.BucketStart <= range.To);

    private static IQueryable<Keyed<TKey>> Sum<TKey>(IQueryable<IGrouping<TKey, EvaluationRollup>> groups) =>
        groups.Select(g => new Keyed<TKey>(g.Key, new EvaluationCounts
        {
            Reported = g.Sum(r => r.Reported),
            PublicReported = g.Sum(r => r.PublicReported),
            Registered = g.Sum(r => r.Registered),
            PublicRegistered = g.Sum(r => r.PublicRegistered),
            RegisteredOnTime = g.Sum(r => r.RegisteredOnTime),
            Voided = g.Sum(r => r.Voided),
            Closed = g.Sum(r => r.Closed),
            ClosedOnTime = g.Sum(r => r.ClosedOnTime),
            ClosedDeferred = g.Sum(r => r.ClosedDeferred),
            ClosedDeferredOnTime = g.Sum(r => r.ClosedDeferredOnTime),
            ValidReports = g.Sum(r => r.ValidReports),
            Verifications = g.Sum(r => r.Verifications),
            VerificationsOnTime = g.Sum(r => r.VerificationsOnTime),
            Checks = g.Sum(r => r.Checks),
            ChecksOnTime = g.Sum(r => r.ChecksOnTime),
            IntakeHandled = g.Sum(r => r.IntakeHandled),
            VerificationRequests = g.Sum(r => r.VerificationRequests),
            VerificationRequestsOnTime = g.Sum(r => r.VerificationRequestsOnTime),
            Dispatches = g.Sum(r => r.Dispatches),
            DispatchesOnTime = g.Sum(r => r.DispatchesOnTime),
            DispatchesReturned = g.Sum(r => r.DispatchesReturned),
            Received = g.Sum(r => r.Received),
            Feedbacks = g.Sum(r => r.Feedbacks),
            FeedbacksOnTime = g.Sum(r => r.FeedbacksOnTime),
            Reworks = g.Sum(r => r.Reworks),
        }));
}

/// <summary>Counters summed under one key.</summary>
internal sealed record Keyed<TKey>(TKey Key, EvaluationCounts Counts);
