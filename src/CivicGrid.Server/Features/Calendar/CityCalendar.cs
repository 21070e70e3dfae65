using CivicGrid.Data;
using CivicGrid.Domain.Calendar;
using CivicGrid.Server.Features.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Calendar;

/// <summary>The city's working calendar, built from the city's working hours and the calendar days table, and cached
/// until the reference data changes (<see cref="ReferenceDataChanges"/>: calendar edits on any instance notify it).</summary>
public sealed class CityCalendar
{
    private readonly IServiceScopeFactory _scopes;
    private volatile WorkingCalendar? _calendar;

    public CityCalendar(IServiceScopeFactory scopes, ReferenceDataChanges changes)
    {
        _scopes = scopes;
        changes.Changed += Invalidate;
    }

    public void Invalidate() => _calendar = null;

    public async Task<WorkingCalendar> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_calendar is { } cached) return cached;
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        var city = await db.Cities.AsNoTracking().OrderBy(c => c.Code).FirstOrDefaultAsync(cancellationToken);
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(city?.TimeZoneId ?? ChineseHolidays.TimeZoneId);
        var periods = city is null ? WorkingCalendar.StandardPeriods : WorkingHoursText.Parse(city.WorkingHours);
        var calendar = new WorkingCalendar(zone, days, periods);
        _calendar = calendar;
        return calendar;
    }

    /// <summary>Whether the calendar covers the <see cref="CalendarCoverage.DaysAhead"/> days from <paramref name="now"/>.</summary>
    public async Task<CalendarCoverage> CoverageAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        CalendarCoverage.Of(await GetAsync(cancellationToken), now);
}
