using System.Globalization;
using System.Runtime.CompilerServices;

namespace CivicGrid.Domain.Calendar;

/// <summary>
/// A time limit (时限) as configured in a case standard: an amount counted the way its <see cref="TimeType"/> says.
/// <see cref="Amount"/> is in <b>minutes</b> for <see cref="TimeType.UrgentHour"/> and <see cref="TimeType.WorkHour"/>,
/// and in <b>days</b> for <see cref="TimeType.WorkDay"/> and <see cref="TimeType.NaturalDay"/>.
/// </summary>
/// <remarks><c>default(TimeLimit)</c> has amount 0 and is rejected by <see cref="DeadlineCalculator"/>.</remarks>
public readonly record struct TimeLimit
{
    /// <summary>Creates a time limit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The type is undefined or the amount is not positive.</exception>
    public TimeLimit(TimeType type, int amount)
    {
        if (!Enum.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown time type.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        Type = type;
        Amount = amount;
    }

    /// <summary>How the limit is counted.</summary>
    public TimeType Type { get; }

    /// <summary>Minutes for the hour types, days for the day types; always positive.</summary>
    public int Amount { get; }

    /// <summary>True for <see cref="TimeType.UrgentHour"/> and <see cref="TimeType.WorkHour"/> (amount in minutes).</summary>
    public bool IsInMinutes => Type is TimeType.UrgentHour or TimeType.WorkHour;

    /// <summary>The unit of <see cref="Amount"/>: "minute" for the hour types, "day" for the day types.</summary>
    public string Unit => IsInMinutes ? "minute" : "day";

    /// <summary>Deconstructs into type and amount, as for a positional record.</summary>
    public void Deconstruct(out TimeType type, out int amount)
    {
        type = Type;
        amount = Amount;
    }

    /// <summary>Continuous minutes (紧急工时).</summary>
    public static TimeLimit UrgentMinutes(int minutes) => new(TimeType.UrgentHour, Positive(minutes));

    /// <summary>Continuous hours (紧急工时).</summary>
    public static TimeLimit UrgentHours(int hours) => new(TimeType.UrgentHour, HoursToMinutes(hours));

    /// <summary>Minutes of working time (工作时).</summary>
    public static TimeLimit WorkMinutes(int minutes) => new(TimeType.WorkHour, Positive(minutes));

    /// <summary>Hours of working time (工作时).</summary>
    public static TimeLimit WorkHours(int hours) => new(TimeType.WorkHour, HoursToMinutes(hours));

    /// <summary>Working days (工作日).</summary>
    public static TimeLimit WorkDays(int days) => new(TimeType.WorkDay, Positive(days));

    /// <summary>Natural days (自然日) of 24 hours.</summary>
    public static TimeLimit NaturalDays(int days) => new(TimeType.NaturalDay, Positive(days));

    /// <summary>
    /// Readable form: "3 work_day", "2 work_hour" for whole hours, "15 min urgent_hour" otherwise.
    /// </summary>
    public override string ToString()
    {
        var code = Type.ToCode();
        if (!IsInMinutes)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Amount} {code}");
        }

        return Amount % 60 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Amount / 60} {code}")
            : string.Create(CultureInfo.InvariantCulture, $"{Amount} min {code}");
    }

    private static int Positive(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, name);
        return value;
    }

    private static int HoursToMinutes(int hours)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hours);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hours, int.MaxValue / 60);
        return hours * 60;
    }
}
