namespace CivicGrid.Domain.Calendar;

/// <summary>What a special day of the working calendar (工作日历) does to the normal Monday–Friday week.</summary>
public enum CalendarDayKind
{
    /// <summary>A statutory holiday or holiday-week day (法定节假日 / 放假): not a working day, whatever the weekday.</summary>
    Holiday,

    /// <summary>An adjusted working day (调休上班日): a Saturday or Sunday that is worked.</summary>
    AdjustedWorkingDay,
}
