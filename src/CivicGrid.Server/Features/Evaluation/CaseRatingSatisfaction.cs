using System.Globalization;
using CivicGrid.Data;
using CivicGrid.Domain.Evaluation;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Features.Calendar;
using CivicGrid.Server.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Evaluation;

/// <summary>
/// Citizens' satisfaction from their ratings of closed cases (<c>CaseRatings</c>, 1–5, one per case). A rating belongs to
/// the period in which its case was (last) closed, so a month's satisfaction is that of the work closed that month, and
/// a rating given a few days after the month's end still lands in that month. It is credited to the case's place (district,
/// street, community, grid: where the problem was) and to the department the case was last dispatched to (the one that
/// handled it). Positions get none: a citizen rates the outcome, not the desk work behind it.
/// </summary>
/// <remarks>Read live from the ratings and cases tables (one grouped query over the period's closed cases, index on
/// ClosedAt): ratings are few next to the steps (at most one per closed public case) and arrive outside the step
/// workflow, so they are not rolled up.</remarks>
public sealed class CaseRatingSatisfaction(CivicGridDbContext db, CityCalendar calendars) : ISatisfactionSource
{
    public async Task<IReadOnlyDictionary<string, SatisfactionFigure>> ForAsync(
        EvaluationSubjectKind kind, EvaluationPeriod period, DataScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(scope);
        if (!kind.IsRegion() && kind != EvaluationSubjectKind.Department) return new Dictionary<string, SatisfactionFigure>();
        var zone = (await calendars.GetAsync(cancellationToken)).Zone;
        var from = EvaluationDrillDown.Instant(period.From, zone);
        var to = EvaluationDrillDown.Instant(period.To.AddDays(1), zone);
        var rated = from r in db.CaseRatings.AsNoTracking()
                    join c in db.Cases.AsNoTracking().Within(scope) on r.CaseId equals c.Id
                    where c.ClosedAt >= @from && c.ClosedAt < to
                    select new { c.DistrictCode, c.StreetCode, c.CommunityCode, c.GridCode, c.DepartmentId, r.Score };
        var keyed = kind switch
        {
            EvaluationSubjectKind.District => rated.Select(x => new { Key = x.DistrictCode, x.Score }),
            EvaluationSubjectKind.Street => rated.Select(x => new { Key = x.StreetCode, x.Score }),
            EvaluationSubjectKind.Community => rated.Select(x => new { Key = x.CommunityCode, x.Score }),
            EvaluationSubjectKind.Grid => rated.Select(x => new { Key = x.GridCode, x.Score }),
            _ => null,
        };
        var sums = keyed is not null
            ? await keyed.Where(x => x.Key != null).GroupBy(x => x.Key!)
                .Select(g => new { g.Key, Count = g.Count(), Sum = g.Sum(x => x.Score) }).ToListAsync(cancellationToken)
            : (await rated.Where(x => x.DepartmentId != null).GroupBy(x => x.DepartmentId!.Value)
                .Select(g => new { g.Key, Count = g.Count(), Sum = g.Sum(x => x.Score) }).ToListAsync(cancellationToken))
                .Select(d => new { Key = d.Key.ToString(CultureInfo.InvariantCulture), d.Count, d.Sum }).ToList();
        return sums.ToDictionary(s => s.Key, s => new SatisfactionFigure(s.Count, (double)s.Sum / s.Count), StringComparer.Ordinal);
    }
}
