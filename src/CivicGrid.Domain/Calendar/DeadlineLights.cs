namespace CivicGrid.Domain.Calendar;

/// <summary>Maps the used fraction of a time limit to a <see cref="DeadlineLight"/>.</summary>
public static class DeadlineLights
{
    /// <summary>The used fraction from which the light turns yellow (80 %).</summary>
    public const double YellowFrom = 0.8;

    /// <summary>
    /// Green when <paramref name="usedFraction"/> &lt; 0.8, yellow when 0.8 ≤ f ≤ 1.0, red when f &gt; 1.0.
    /// Exactly 1.0 is still yellow: a case closed exactly at its deadline is on time.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The fraction is NaN.</exception>
    public static DeadlineLight For(double usedFraction)
    {
        if (double.IsNaN(usedFraction))
        {
            throw new ArgumentOutOfRangeException(nameof(usedFraction), usedFraction, "The used fraction is not a number.");
        }

        return usedFraction switch
        {
            > 1.0 => DeadlineLight.Red,
            >= YellowFrom => DeadlineLight.Yellow,
            _ => DeadlineLight.Green,
        };
    }
}
