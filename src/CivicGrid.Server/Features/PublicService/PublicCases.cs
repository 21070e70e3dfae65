using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>Reads one case for the public case page (<see cref="PublicCaseDetails"/>), by its number: the same answer
/// for everyone, with or without a tracking token.</summary>
public sealed class PublicCases(CivicGridDbContext db, PublicCasePrivacy privacy)
{
    /// <summary>The steps whose photos show the result of handling (处置后); photos of every other step, and those the
    /// reporter sent, show the problem (处置前).</summary>
    private static readonly string[] AfterActions = ["feedback", "check", "close"];

    /// <summary>Null for an unknown number (and for a number that is no case number at all).</summary>
    public async Task<PublicCaseDetails?> FindAsync(string number, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(number) || number.Length > 32) return null;
        var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Number == number, cancellationToken);
        if (@case is null) return null;
        var type = @case.Kind is { } kind && @case.TypeCode is { } code
            ? await db.CatalogueTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Kind == kind && t.Code == code, cancellationToken)
            : null;
        var texts = await db.CasePublicTexts.AsNoTracking().SingleOrDefaultAsync(t => t.CaseId == @case.Id, cancellationToken);
        var shown = privacy.Show(type?.IsSensitive == true, @case.Longitude, @case.Latitude, texts?.Description, @case.Address, texts?.ResultNote);
        var history = await db.CaseHistory.AsNoTracking().Where(e => e.CaseId == @case.Id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var department = @case.DepartmentId is { } departmentId
            ? await db.Departments.AsNoTracking().Where(d => d.Id == departmentId).Select(d => new { d.Name, d.NameEn }).SingleOrDefaultAsync(cancellationToken)
            : null;
        var photos = shown.ShowsPhotos
            ? await db.Attachments.AsNoTracking().Where(a => a.CaseId == @case.Id && a.IsPublic).OrderBy(a => a.UploadedAt)
                .Select(a => new { a.Id, a.Width, a.Height, a.HistoryEntryId }).ToListAsync(cancellationToken)
            : [];
        var afterSteps = history.Where(e => AfterActions.Contains(e.Action)).Select(e => e.Id).ToHashSet();
        var score = await db.CaseRatings.AsNoTracking().Where(r => r.CaseId == @case.Id).Select(r => (int?)r.Score).SingleOrDefaultAsync(cancellationToken);
        var status = PublicStatuses.Of(@case.Status);
        bool IsAfter(long? step) => step is { } id && afterSteps.Contains(id);
        return new PublicCaseDetails(@case.Number, PublicTracking.KindCode(@case.Kind), @case.TypeCode, type?.Name, type?.NameEn,
            status.Code(), status.Label(), @case.CreatedAt, @case.UpdatedAt, shown.Longitude, shown.Latitude, shown.PositionBlurred,
            shown.Address, shown.Description, department?.Name, department?.NameEn, shown.ResultNote,
            history.Select(PublicTimeline.Of).OfType<PublicTimeline.Step>().ToList(),
            photos.Where(p => !IsAfter(p.HistoryEntryId)).Select(p => PublicPhoto.Of(p.Id, p.Width, p.Height)).ToList(),
            photos.Where(p => IsAfter(p.HistoryEntryId)).Select(p => PublicPhoto.Of(p.Id, p.Width, p.Height)).ToList(),
            score);
    }
}
