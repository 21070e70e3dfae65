using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Evaluation;
using CivicGrid.Server.Features.Calendar;
using CivicGrid.Server.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Evaluation;

/// <summary>Keeps the evaluation roll-ups up to date: every case step that moves a counter adds to the day, month, quarter
/// and year rows of its subjects, inside the step's transaction. The case's earlier steps (usually a handful) are read back
/// so the step is judged exactly as the full recomputation judges it (<see cref="CaseTrail"/>).</summary>
public sealed class EvaluationStepObserver(CityCalendar calendars) : ICaseStepObserver
{
    public ValueTask OnStepAsync(CivicGridDbContext db, Case @case, CaseHistoryEntry entry, CancellationToken cancellationToken) =>
        OnStepsAsync(db, [new CaseStep(@case, entry)], cancellationToken);

    /// <summary>All steps of a group commit add their counters with one statement.</summary>
    public async ValueTask OnStepsAsync(CivicGridDbContext db, IReadOnlyList<CaseStep> steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(steps);
        var rows = new Dictionary<RollupKey, EvaluationRollup>();
        TimeZoneInfo? zone = null;
        foreach (var (@case, entry) in steps)
        {
            ArgumentNullException.ThrowIfNull(@case);
            ArgumentNullException.ThrowIfNull(entry);
            if (!CaseTrail.Counts(entry.Action)) continue;
            var trail = new CaseTrail(CaseFacts.Of(@case));
            if (entry.Sequence > 1)
            {
                var earlier = await EvaluationHistory.Entries(db.CaseHistory.Where(e => e.CaseId == @case.Id && e.Sequence < entry.Sequence))
                    .OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
                foreach (var step in earlier) trail.Step(step);
            }
            var increments = trail.Step(entry);
            if (increments.Count == 0) continue;
            zone ??= (await calendars.GetAsync(cancellationToken)).Zone;
            RollupKey.Accumulate(rows, increments, zone);
        }
        await RollupWriter.AddAsync(db, rows.Values, cancellationToken);
    }
}
