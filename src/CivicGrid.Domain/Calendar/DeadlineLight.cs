namespace CivicGrid.Domain.Calendar;

/// <summary>The deadline light (时限灯) shown on a case; see <see cref="DeadlineLights.For"/>.</summary>
public enum DeadlineLight
{
    /// <summary>Green (绿灯): under 80 % of the time limit used.</summary>
    Green,

    /// <summary>Yellow (黄灯): 80 % to 100 % used, both inclusive.</summary>
    Yellow,

    /// <summary>Red (红灯): more than 100 % used, i.e. overdue (超时).</summary>
    Red,
}
