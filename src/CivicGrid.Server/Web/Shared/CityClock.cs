namespace CivicGrid.Server.Web.Shared;

/// <summary>Shows instants in the city's time zone (China Standard Time for every Chinese city), whatever the
/// server's or the browser's zone.</summary>
public sealed class CityClock
{
    private static readonly TimeZoneInfo Zone = FindZone();

    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    private static TimeZoneInfo FindZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time"); }
    }
}
