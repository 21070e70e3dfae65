namespace CivicGrid.Server.Platform.Web.Shared;

/// <summary>Shows instants in the city's time zone (China Standard Time for every Chinese city), whatever the
/// server's or the browser's zone.</summary>
public sealed class CityClock
{
    private static readonly TimeZoneInfo Zone = FindZone();

    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>Midnight of the local day that holds <paramref name="instant"/>, as an instant.</summary>
    public DateTimeOffset StartOfDay(DateTimeOffset instant)
    {
        var local = Local(instant).Date;
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    private static TimeZoneInfo FindZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time"); }
    }
}
