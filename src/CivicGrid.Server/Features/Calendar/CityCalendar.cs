using CivicGrid.Data;
using CivicGrid.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Calendar;

/// <summary>The city's working calendar, built from the city's working hours and the calendar days table, and cached
/// until <see cref="Invalidate"/> (called by whoever edits the calendar).</summary>
public sealed class CityCalendar(IServiceScopeFactory scopes)
{
    private volatile WorkingCalendar? _calendar;

    public void Invalidate() => _calendar = null;

    public async Task<WorkingCalendar> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_calendar is { } cached) return cached;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        var city = await db.Cities.AsNoTracking().OrderBy(c => c.Code).FirstOrDefaultAsync(cancellationToken);
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(city?.TimeZoneId ?? ChineseHolidays.TimeZoneId);
        var periods = city is null ? WorkingCalendar.StandardPeriods : WorkingHoursText.Parse(city.WorkingHours);
        var calendar = new WorkingCalendar(zone, days, periods);
        _calendar = calendar;
        return calendar;
    }
}
