using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Evaluation;
using CivicGrid.Server.Features.Calendar;
using CivicGrid.Server.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Evaluation;

/// <summary>Keeps the evaluation roll-ups up to date: every case step that moves a counter adds to the day, month and year
/// rows of its subjects, inside the step's transaction. The case's earlier steps (usually a handful) are read back so the
/// step is judged exactly as the full recomputation judges it (<see cref="CaseTrail"/>).</summary>
public sealed class EvaluationStepObserver(CityCalendar calendars) : ICaseStepObserver
{
    public async ValueTask OnStepAsync(CivicGridDbContext db, Case @case, CaseHistoryEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(entry);
        if (!CaseTrail.Counts(entry.Action)) return;
        var trail = new CaseTrail(CaseFacts.Of(@case));
        if (entry.Sequence > 1)
        {
            var earlier = await EvaluationHistory.Entries(db.CaseHistory.Where(e => e.CaseId == @case.Id && e.Sequence < entry.Sequence))
                .OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
            foreach (var step in earlier) trail.Step(step);
        }
        var increments = trail.Step(entry);
        if (increments.Count == 0) return;
        var rows = new Dictionary<RollupKey, EvaluationRollup>();
        RollupKey.Accumulate(rows, increments, (await calendars.GetAsync(cancellationToken)).Zone);
        await RollupWriter.AddAsync(db, rows.Values, cancellationToken);
    }
}
