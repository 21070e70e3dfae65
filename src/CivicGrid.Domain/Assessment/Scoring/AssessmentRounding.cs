namespace CivicGrid.Domain.Assessment;

/// <summary>
/// The assessment's rounding rules (docs/domain/assessment.md §3, §7): scores to 0.1 point and money to the fen
/// (0.01 yuan), both half away from zero (四舍五入: 89.25 → 89.3, 0.125 → 0.13), never banker's rounding.
/// </summary>
public static class AssessmentRounding
{
    /// <summary>A score rounded to one decimal, half away from zero.</summary>
    public static decimal Score(decimal points) => Math.Round(points, 1, MidpointRounding.AwayFromZero);

    /// <summary>An amount of money rounded to the fen, half away from zero.</summary>
    public static decimal Money(decimal yuan) => Math.Round(yuan, 2, MidpointRounding.AwayFromZero);
}
