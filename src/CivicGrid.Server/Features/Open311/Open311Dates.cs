using System.Globalization;
using System.Text.RegularExpressions;

namespace CivicGrid.Server.Features.Open311;

/// <summary>W3C date-times with a time zone, as the spec requires. Output is in the city's zone (+08:00 for every
/// mainland city); input must carry Z or an offset, or be a bare date (midnight in the city's zone).</summary>
public sealed partial class Open311Dates(TimeZoneInfo zone)
{
    /// <summary>Dates outside these years are refused (and windows of days around them cannot overflow).</summary>
    public const int MinYear = 1970, MaxYear = 2999;

    public TimeZoneInfo Zone => zone;

    public string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public string? Format(DateTimeOffset? instant) => instant is { } i ? Format(i) : null;

    /// <summary>Parses a parameter; false with a message naming it when the value is not a W3C date-time with a zone.</summary>
    public bool TryParse(string name, string value, out DateTimeOffset instant, out string? error)
    {
        error = null;
        if (BareDate().IsMatch(value)
            && DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && day.Year is >= MinYear and <= MaxYear)
        {
            instant = new DateTimeOffset(day, zone.GetUtcOffset(day));
            return true;
        }
        if (WithZone().IsMatch(value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out instant)
            && instant.UtcDateTime.Year is >= MinYear and <= MaxYear)
        {
            instant = instant.ToUniversalTime();
            return true;
        }
        instant = default;
        error = $"{name} must be a W3C date-time with a time zone between the years {MinYear} and {MaxYear}, e.g. 2026-11-26T09:30:00+08:00.";
        return false;
    }

    public static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("UTC+08", TimeSpan.FromHours(8), "UTC+08", "UTC+08");
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex BareDate();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex WithZone();
}
