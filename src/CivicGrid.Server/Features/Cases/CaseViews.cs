using CivicGrid.Data;
using CivicGrid.Domain.Attachments;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Features.Cases.Pages;
using CivicGrid.Server.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.Cases;

/// <summary>The reads of cases that the API and the staff pages share, always within the caller's data scope
/// (<see cref="CaseScope"/>): lists (<see cref="CaseQuery"/>), work queues, a case's history and photos.</summary>
public sealed class CaseViews(CivicGridDbContext db, IOptions<CaseOptions> options)
{
    /// <summary>One page of the cases <paramref name="query"/> selects (in <paramref name="queue"/> of user
    /// <paramref name="userId"/>, when given); null when a parameter is bad, with a message per bad parameter in
    /// <paramref name="errors"/>.</summary>
    public async Task<CaseListing?> ListAsync(CaseQuery query, DataScope scope, WorkQueue? queue, int userId, DateTimeOffset now,
        FieldErrors errors, CancellationToken cancellationToken)
    {
        var cases = db.Cases.AsNoTracking().Within(scope);
        if (queue is not null) cases = queue.Filter(cases, userId);
        var filtered = query.Apply(cases, now, errors);
        var (page, size) = query.Paging(errors);
        var cursor = query.Cursor(errors);
        if (errors.Count > 0) return null;
        // No COUNT over the whole table on every page view (issue 16): counted up to a cap, beyond it "at least".
        var cap = options.Value.ListCountCap;
        var total = await filtered.Take(cap + 1).CountAsync(cancellationToken);
        var window = cursor is { } after ? query.Beyond(filtered, after) : filtered.Skip((page - 1) * size);
        var items = await window.Take(size).ToListAsync(cancellationToken);
        var next = items.Count == size && query.OrderedByCreation ? CaseCursor.After(items[^1]).ToString() : null;
        return new CaseListing(items, page, size, Math.Min(total, cap), total > cap, next);
    }

    /// <summary>The case that comes first in <paramref name="queue"/> as the queue page lists it (newest first), other than
    /// <paramref name="exceptId"/> (the one just handled); null when the queue holds no other.</summary>
    public Task<long?> NextInQueueAsync(WorkQueue queue, DataScope scope, int userId, long exceptId, CancellationToken cancellationToken) =>
        queue.Filter(db.Cases.AsNoTracking().Within(scope), userId).Where(c => c.Id != exceptId)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>How many cases wait in each of the queues of <paramref name="roles"/>, and how many of them are red or yellow.</summary>
    public async Task<List<QueueCount>> QueueCountsAsync(Roles roles, DataScope scope, int userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var counts = new List<QueueCount>();
        foreach (var queue in WorkQueue.For(roles))
        {
            var cases = queue.Filter(db.Cases.AsNoTracking().Within(scope), userId);
            var total = await cases.CountAsync(cancellationToken);
            var red = await cases.CountAsync(c => c.StageDueAt != null && c.StageDueAt < now, cancellationToken);
            var yellow = await cases.CountAsync(c => c.StageDueAt != null && c.StageYellowAt <= now && c.StageDueAt >= now, cancellationToken);
            counts.Add(new QueueCount(queue, total, red, yellow));
        }
        return counts;
    }

    /// <summary>An inspector's tasks: the cases to verify, and the checks sent to them (or to nobody in particular),
    /// the most urgent first (at most 100).</summary>
    public Task<List<Case>> InspectorTasksAsync(DataScope scope, int userId, CancellationToken cancellationToken) =>
        db.Cases.AsNoTracking().Within(scope)
            .Where(c => c.Status == CaseStatus.Verifying
                || (c.Status == CaseStatus.Checking && (c.CheckInspectorUserId == null || c.CheckInspectorUserId == userId)))
            .OrderBy(c => c.StageDueAt).Take(100).ToListAsync(cancellationToken);

    /// <summary>The middle of the open cases in <paramref name="scope"/>; null when there are none.</summary>
    public async Task<(double Lon, double Lat)?> OpenCasesCentreAsync(DataScope scope, CancellationToken cancellationToken)
    {
        var cases = db.Cases.AsNoTracking().Within(scope).Where(c => !CaseStages.Terminal.Contains(c.Status));
        if (!await cases.AnyAsync(cancellationToken)) return null;
        return (await cases.AverageAsync(c => c.Longitude, cancellationToken), await cases.AverageAsync(c => c.Latitude, cancellationToken));
    }

    /// <summary>Whether case <paramref name="id"/> exists in any scope (to log a look outside the caller's scope).</summary>
    public Task<bool> ExistsAsync(long id, CancellationToken cancellationToken) =>
        db.Cases.AnyAsync(c => c.Id == id, cancellationToken);

    /// <summary>The history of a case in order; the caller has checked its scope.</summary>
    public Task<List<CaseHistoryEntry>> HistoryAsync(long id, CancellationToken cancellationToken) =>
        db.CaseHistory.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);

    /// <summary>The photos of a case, oldest first; the caller has checked its scope.</summary>
    public Task<List<Attachment>> PhotosAsync(long id, CancellationToken cancellationToken) =>
        db.Attachments.AsNoTracking().Where(a => a.CaseId == id).OrderBy(a => a.UploadedAt).ToListAsync(cancellationToken);
}

/// <summary>A page of cases. <see cref="Total"/> is exact up to <see cref="CaseOptions.ListCountCap"/>; beyond it
/// <see cref="TotalCapped"/> is true and the list holds at least that many. <see cref="Next"/>: the <c>after</c> of the
/// next page when this one is full and ordered by creation time.</summary>
public sealed record CaseListing(List<Case> Items, int Page, int PageSize, int Total, bool TotalCapped = false, string? Next = null);

public sealed record QueueCount(WorkQueue Queue, int Total, int Red, int Yellow);
