namespace CivicGrid.Domain.Calendar;

/// <summary>
/// How a time limit (时限) is counted. Stored and exchanged as the codes in <see cref="TimeTypeCodes"/>.
/// </summary>
public enum TimeType
{
    /// <summary>Urgent hours (紧急工时): a continuous clock; nights, weekends and holidays count.</summary>
    UrgentHour,

    /// <summary>Working hours (工作时): only the working periods of working days count.</summary>
    WorkHour,

    /// <summary>Working days (工作日): whole working days, each worth one day of working periods.</summary>
    WorkDay,

    /// <summary>Natural days (自然日): calendar days of 24 hours each, continuous.</summary>
    NaturalDay,
}
