using CivicGrid.Data;
using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Features.Cases;
using CivicGrid.Server.Features.Map;
using CivicGrid.Server.Platform.LiveUpdates;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.CommandCentre;

/// <summary>What the command centre (指挥中心) shows, within the viewer's data scope: the latest steps, newest first by
/// time, each with the case's type and place by name; and the counts of open, red, yellow and today's cases.</summary>
public sealed class CommandCentreFigures(CivicGridDbContext db, CaseNaming naming, TimeProvider time)
{
    /// <summary>The last <paramref name="count"/> steps on cases in scope, newest first by time (not by row: imported and
    /// seeded history is written case by case). Every case's <c>UpdatedAt</c> is the time of its last step, so the
    /// newest steps all belong to the <paramref name="count"/> most recently updated cases (index on UpdatedAt).</summary>
    public async Task<List<RecentStep>> RecentStepsAsync(DataScope scope, int count, CancellationToken cancellationToken)
    {
        var recent = db.Cases.AsNoTracking().Within(scope).OrderByDescending(c => c.UpdatedAt).Take(count).Select(c => c.Id);
        var rows = await db.CaseHistory.AsNoTracking().Where(e => recent.Contains(e.CaseId))
            .Join(db.Cases, e => e.CaseId, c => c.Id, (e, c) => new { Step = e, Case = c })
            .OrderByDescending(x => x.Step.At).ThenByDescending(x => x.Step.Id).Take(count)
            .Select(x => new Row(x.Case.Id, x.Case.Number, x.Step.Action, x.Step.ToStatus, x.Step.At, x.Case.Kind, x.Case.TypeCode,
                x.Case.DistrictCode, x.Case.StreetCode, x.Case.CommunityCode, x.Case.StageDueAt, x.Case.StageYellowAt, x.Case.FrozenLight, x.Case.Status))
            .ToListAsync(cancellationToken);
        var names = await naming.GetAsync(cancellationToken);
        return rows.Select(r => r.Named(names, time.GetUtcNow())).ToList();
    }

    /// <summary>A live event as a feed line, or null when the scope does not cover its case (it is not shown then).</summary>
    public async Task<RecentStep?> StepOfAsync(DataScope scope, CaseEvent caseEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caseEvent);
        var (id, action, status, at) = (caseEvent.CaseId, caseEvent.Action, Enum.Parse<CaseStatus>(caseEvent.Status), caseEvent.At);
        var row = await db.Cases.AsNoTracking().Within(scope).Where(c => c.Id == id)
            .Select(c => new Row(c.Id, c.Number, action, status, at, c.Kind, c.TypeCode,
                c.DistrictCode, c.StreetCode, c.CommunityCode, c.StageDueAt, c.StageYellowAt, c.FrozenLight, c.Status))
            .FirstOrDefaultAsync(cancellationToken);
        return row?.Named(await naming.GetAsync(cancellationToken), time.GetUtcNow());
    }

    /// <summary>Open cases, the red and yellow among them, and the cases reported since <paramref name="dayStart"/>.</summary>
    public async Task<CaseCounts> CountAsync(DataScope scope, DateTimeOffset now, DateTimeOffset dayStart, CancellationToken cancellationToken)
    {
        var open = db.Cases.AsNoTracking().Within(scope).Where(c => !CaseStages.Terminal.Contains(c.Status));
        dayStart = dayStart.ToUniversalTime(); // PostgreSQL's timestamptz parameters take no other offset
        return new CaseCounts(
            Open: await open.CountAsync(cancellationToken),
            Red: await open.CountAsync(c => c.StageDueAt != null && c.StageDueAt < now, cancellationToken),
            Yellow: await open.CountAsync(c => c.StageDueAt != null && c.StageYellowAt <= now && c.StageDueAt >= now, cancellationToken),
            Today: await db.Cases.AsNoTracking().Within(scope).CountAsync(c => c.CreatedAt >= dayStart, cancellationToken));
    }

    private sealed record Row(long CaseId, string Number, string Action, CaseStatus Status, DateTimeOffset At, Domain.Catalogue.CatalogueKind? Kind,
        string? TypeCode, string? DistrictCode, string? StreetCode, string? CommunityCode, DateTimeOffset? DueAt, DateTimeOffset? YellowAt,
        DeadlineLight? FrozenLight, CaseStatus CaseStatus)
    {
        public RecentStep Named(CaseNaming.Names names, DateTimeOffset now) => new(CaseId, Number, Action, Status, At,
            names.Type(Kind, TypeCode), names.Place(DistrictCode, StreetCode, CommunityCode),
            Case.LightAt(now, CaseStatus, DueAt, YellowAt, FrozenLight));
    }
}

/// <summary>One step as the feed shows it; <c>Light</c> is the case's deadline light now.</summary>
public sealed record RecentStep(long CaseId, string Number, string Action, CaseStatus Status, DateTimeOffset At, string? TypeName, string? Place,
    DeadlineLight? Light);

public sealed record CaseCounts(int Open, int Red, int Yellow, int Today);
