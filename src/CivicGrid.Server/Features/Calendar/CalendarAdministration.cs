using CivicGrid.Data;
using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Calendar.Import;
using CivicGrid.Server.Features.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Calendar;

/// <summary>What an import changed: days added, days whose kind or name it replaced, days already as the file says.</summary>
public sealed record CalendarImportSummary(int Added, int Updated, int Unchanged);

/// <summary>Administrators' changes to the working calendar's special days (API, CLI and the admin page share it).
/// Every change tells the calendar caches on all instances to reload (<see cref="ReferenceDataChanges"/>).</summary>
public sealed partial class CalendarAdministration(CivicGridDbContext db, ReferenceDataChanges changes, ILogger<CalendarAdministration> logger)
{
    public async Task<List<CalendarDay>> ListAsync(CancellationToken cancellationToken) =>
        (await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(d => d.Date).ToList();

    /// <summary>Creates or replaces the entry of one date. Problems name the field: kind, name.</summary>
    public async Task<ReferenceDataResult<CalendarDay>> SaveDayAsync(DateOnly date, string? kind, string? name, string who,
        CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        var parsedKind = kind is null ? null : CalendarCsv.KindOf(kind);
        if (parsedKind is null) problems.Add(new FieldProblem("kind", "admin.daykind.invalid", "kind must be holiday or working_day."));
        if (string.IsNullOrWhiteSpace(name)) problems.Add(new FieldProblem("name", "admin.name.required", "name: give the holiday's name."));
        else if (name.Trim().Length > CalendarFile.MaxNameLength)
            problems.Add(new FieldProblem("name", "admin.name.toolong", $"name is at most {CalendarFile.MaxNameLength} characters."));
        if (problems.Count > 0) return ReferenceDataResult.Invalid<CalendarDay>(problems);

        var day = new CalendarDay(date, parsedKind!.Value, name!.Trim());
        await UpsertAsync([day], cancellationToken);
        LogDaySaved(logger, who, date, day.Kind);
        return ReferenceDataResult.Done(day);
    }

    /// <summary>Removes the entry of one date; false when there is none.</summary>
    public async Task<bool> DeleteDayAsync(DateOnly date, string who, CancellationToken cancellationToken)
    {
        var deleted = await db.CalendarDays.Where(d => d.Date == date).ExecuteDeleteAsync(cancellationToken) > 0;
        if (!deleted) return false;
        changes.NotifyChanged();
        LogDayDeleted(logger, who, date);
        return true;
    }

    /// <summary>Adds or replaces every day of a valid file (one transaction); dates not in the file are kept.</summary>
    public async Task<CalendarImportSummary> ImportAsync(CalendarFile file, string who, CancellationToken cancellationToken)
    {
        if (!file.IsValid) throw new ArgumentException("Import a valid file only.", nameof(file));
        var summary = await UpsertAsync(file.Days, cancellationToken);
        LogImported(logger, who, summary.Added, summary.Updated, summary.Unchanged);
        return summary;
    }

    private async Task<CalendarImportSummary> UpsertAsync(IReadOnlyList<CalendarDay> days, CancellationToken cancellationToken)
    {
        var dates = days.Select(d => d.Date).ToList();
        var existing = await db.CalendarDays.Where(d => dates.Contains(d.Date)).ToDictionaryAsync(d => d.Date, cancellationToken);
        int added = 0, updated = 0, unchanged = 0;
        foreach (var day in days)
        {
            if (!existing.TryGetValue(day.Date, out var old))
            {
                db.CalendarDays.Add(day);
                added++;
            }
            else if (old == day)
            {
                unchanged++;
            }
            else
            {
                db.Entry(old).CurrentValues.SetValues(day);
                updated++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        if (added + updated > 0) changes.NotifyChanged();
        return new CalendarImportSummary(added, updated, unchanged);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Who} set the calendar day {Date} to {Kind}")]
    private static partial void LogDaySaved(ILogger logger, string who, DateOnly date, CalendarDayKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Who} deleted the calendar day {Date}")]
    private static partial void LogDayDeleted(ILogger logger, string who, DateOnly date);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Who} imported a calendar: {Added} added, {Updated} updated, {Unchanged} unchanged")]
    private static partial void LogImported(ILogger logger, string who, int added, int updated, int unchanged);
}
