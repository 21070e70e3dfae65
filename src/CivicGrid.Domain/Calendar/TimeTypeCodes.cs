using System.Diagnostics.CodeAnalysis;

namespace CivicGrid.Domain.Calendar;

/// <summary>
/// The stable string codes of <see cref="TimeType"/> ("urgent_hour", "work_hour", "work_day", "natural_day"),
/// as used in case standards (立结案标准), the database and the API.
/// </summary>
public static class TimeTypeCodes
{
    /// <summary>Code of <see cref="TimeType.UrgentHour"/>.</summary>
    public const string UrgentHour = "urgent_hour";

    /// <summary>Code of <see cref="TimeType.WorkHour"/>.</summary>
    public const string WorkHour = "work_hour";

    /// <summary>Code of <see cref="TimeType.WorkDay"/>.</summary>
    public const string WorkDay = "work_day";

    /// <summary>Code of <see cref="TimeType.NaturalDay"/>.</summary>
    public const string NaturalDay = "natural_day";

    /// <summary>Returns the stable code of a time type, e.g. "work_hour".</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="TimeType"/>.</exception>
    public static string ToCode(this TimeType type) => type switch
    {
        TimeType.UrgentHour => UrgentHour,
        TimeType.WorkHour => WorkHour,
        TimeType.WorkDay => WorkDay,
        TimeType.NaturalDay => NaturalDay,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown time type."),
    };

    /// <summary>Parses a code (case-insensitive, surrounding white space ignored).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="FormatException">The code is not one of the four known codes.</exception>
    public static TimeType Parse(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return TryParse(code, out var type)
            ? type
            : throw new FormatException(
                $"Unknown time type code '{code}'; expected {UrgentHour}, {WorkHour}, {WorkDay} or {NaturalDay}.");
    }

    /// <summary>Parses a code (case-insensitive, surrounding white space ignored); false if it is unknown.</summary>
    public static bool TryParse([NotNullWhen(true)] string? code, out TimeType type)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case UrgentHour: type = TimeType.UrgentHour; return true;
            case WorkHour: type = TimeType.WorkHour; return true;
            case WorkDay: type = TimeType.WorkDay; return true;
            case NaturalDay: type = TimeType.NaturalDay; return true;
            default: type = default; return false;
        }
    }
}
