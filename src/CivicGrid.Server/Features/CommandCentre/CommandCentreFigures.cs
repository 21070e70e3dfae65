using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.CommandCentre;

/// <summary>What the command centre (指挥中心) shows, within the viewer's data scope: the latest steps and the
/// counts of open, red, yellow and today's cases.</summary>
public sealed class CommandCentreFigures(CivicGridDbContext db)
{
    /// <summary>The last <paramref name="count"/> steps on cases in scope, newest first.</summary>
    public Task<List<RecentStep>> RecentStepsAsync(DataScope scope, int count, CancellationToken cancellationToken)
    {
        var visible = db.Cases.AsNoTracking().Within(scope).Select(c => c.Id);
        return db.CaseHistory.AsNoTracking().Where(e => visible.Contains(e.CaseId))
            .OrderByDescending(e => e.Id).Take(count)
            .Join(db.Cases, e => e.CaseId, c => c.Id, (e, c) => new RecentStep(c.Id, c.Number, e.Action, e.ToStatus, e.At))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Whether the scope covers case <paramref name="caseId"/> (a live event is shown only then).</summary>
    public Task<bool> CoversAsync(DataScope scope, long caseId, CancellationToken cancellationToken) =>
        db.Cases.AsNoTracking().Within(scope).AnyAsync(c => c.Id == caseId, cancellationToken);

    /// <summary>Open cases, the red and yellow among them, and the cases reported since <paramref name="dayStart"/>.</summary>
    public async Task<CaseCounts> CountAsync(DataScope scope, DateTimeOffset now, DateTimeOffset dayStart, CancellationToken cancellationToken)
    {
        var open = db.Cases.AsNoTracking().Within(scope).Where(c => !CaseStages.Terminal.Contains(c.Status));
        return new CaseCounts(
            Open: await open.CountAsync(cancellationToken),
            Red: await open.CountAsync(c => c.StageDueAt != null && c.StageDueAt < now, cancellationToken),
            Yellow: await open.CountAsync(c => c.StageDueAt != null && c.StageYellowAt <= now && c.StageDueAt >= now, cancellationToken),
            Today: await db.Cases.AsNoTracking().Within(scope).CountAsync(c => c.CreatedAt >= dayStart, cancellationToken));
    }
}

public sealed record RecentStep(long CaseId, string Number, string Action, CaseStatus Status, DateTimeOffset At);

public sealed record CaseCounts(int Open, int Red, int Yellow, int Today);
