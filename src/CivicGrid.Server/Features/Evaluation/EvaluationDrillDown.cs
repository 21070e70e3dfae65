using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Evaluation;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Features.Calendar;
using CivicGrid.Server.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Evaluation;

/// <summary>The cases behind a figure: the events of one counter for one subject (or all subjects of a kind) in a
/// period. It reads the history entries of the counter's actions in the period, replays those cases with the same
/// <see cref="CaseTrail"/> that feeds the roll-ups, and keeps the matching events, so the event count equals the figure.</summary>
public sealed class EvaluationDrillDown(CivicGridDbContext db, CityCalendar calendars)
{
    /// <summary>Events (a case closed twice after a reopen counts twice) and the distinct cases, newest event first.</summary>
    public async Task<DrillDownPage> CasesAsync(EvaluationSubjectKind kind, string? key, EvaluationMeasure measure, EvaluationPeriod period,
        DataScope scope, int page, int pageSize, CancellationToken cancellationToken, DrillDownSort sort = DrillDownSort.Event, bool descending = true)
    {
        var zone = (await calendars.GetAsync(cancellationToken)).Zone;
        var from = Instant(period.From, zone);
        var to = Instant(period.To.AddDays(1), zone);
        var actions = CaseTrail.ActionsOf(measure).ToList();
        var cases = db.Cases.AsNoTracking().Within(scope);
        if (key is not null)
        {
            cases = kind switch
            {
                EvaluationSubjectKind.District => cases.Where(c => c.DistrictCode == key),
                EvaluationSubjectKind.Street => cases.Where(c => c.StreetCode == key),
                EvaluationSubjectKind.Community => cases.Where(c => c.CommunityCode == key),
                EvaluationSubjectKind.Grid => cases.Where(c => c.GridCode == key),
                _ => cases,
            };
        }
        // A measure dated at a deadline is moved by a step before it (fed back early) or after it (late, or the overdue mark):
        // its candidates are the cases with such a step within a year of the period (ADR 0011 §12).
        var (after, before) = CaseTrail.DatedAtDeadline(measure) ? (from.AddDays(-366), to.AddDays(366)) : (from, to);
        var candidates = cases.Where(c => db.CaseHistory.Any(e => e.CaseId == c.Id && actions.Contains(e.Action) && e.At >= after && e.At < before));
        var facts = await EvaluationHistory.Facts(candidates).ToListAsync(cancellationToken);
        var ids = facts.Select(f => f.Id).ToList();
        var history = (await EvaluationHistory.Entries(db.CaseHistory.AsNoTracking().Where(e => ids.Contains(e.CaseId))).ToListAsync(cancellationToken))
            .ToLookup(e => e.CaseId);
        var events = new List<(long CaseId, DateTimeOffset At)>();
        foreach (var fact in facts)
        {
            foreach (var i in CaseTrail.Replay(fact.ToFacts(), history[fact.Id].OrderBy(e => e.Sequence)))
            {
                if (i.Measure != measure || i.SubjectKind != kind || (key is not null && i.SubjectKey != key)) continue;
                if (!period.Contains(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(i.At, zone).DateTime))) continue;
                if (scope.Kind == DataScopeKind.District && i.DistrictCode != scope.DivisionCode) continue;
                events.Add((fact.Id, i.At));
            }
        }
        var latest = events.GroupBy(e => e.CaseId).Select(g => (CaseId: g.Key, At: g.Max(e => e.At))).ToList();
        var lateIds = history.Where(h => h.Any(e => e.Action == "overdue")).Select(h => h.Key).ToHashSet();
        var rows = await new DrillDownRows(db).ReadAsync(latest, lateIds, cancellationToken);
        var items = DrillDownRows.Sort(rows, sort, descending).Skip((page - 1) * pageSize).Take(pageSize).ToList();
        return new DrillDownPage(kind.ToCode(), key, Camel(measure), period.Label, events.Count, latest.Count, page, pageSize, items,
            DrillDownRows.Code(sort), descending);
    }

    public static DateTimeOffset Instant(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public static string Camel(EvaluationMeasure measure) => char.ToLowerInvariant(measure.ToString()[0]) + measure.ToString()[1..];
}

/// <summary>The cases behind a figure. <see cref="Figure"/> is the number of events (it equals the figure shown);
/// <see cref="TotalCases"/> the number of distinct cases, paged in <see cref="Items"/> in the order <see cref="Sort"/>.</summary>
public sealed record DrillDownPage(string Kind, string? Key, string Measure, string Period, int Figure, int TotalCases, int Page, int PageSize,
    IReadOnlyList<DrillDownCase> Items, string Sort = "event", bool Descending = true);

/// <summary>A case behind a figure; <see cref="EventAt"/> is when it moved the figure (the latest time, if several). Names
/// for people to read (type, department, place: street · community), codes beside them; <see cref="OnTime"/> is false
/// when the case was ever marked overdue (any stage).</summary>
public sealed record DrillDownCase(long Id, string Number, CaseStatus Status, CaseChannel Channel, string? Type, string? DistrictCode,
    string? GridCode, int? DepartmentId, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, DateTimeOffset EventAt,
    string? TypeName = null, string? DepartmentName = null, string? Place = null, bool OnTime = true);

/// <summary>The orders the drill-down offers.</summary>
public enum DrillDownSort { Event, Number, Type, Department, Place, OnTime, Status, Created }
