namespace CivicGrid.Domain.Evaluation;

/// <summary>One figure behind a score: its value as a fraction (a rate, or a band score ÷ 100), how it was computed
/// (numerator ÷ denominator) and its weight in the score. <see cref="Value"/> is null when the period has no data for it
/// (denominator 0); such an indicator does not count and the other weights are scaled up.</summary>
public sealed record Indicator(string Code, double? Value, double Weight, double Numerator, double Denominator)
{
    public static Indicator Rate(string code, double numerator, double denominator, double weight) =>
        new(code, denominator > 0 ? Math.Clamp(numerator / denominator, 0, 1) : null, weight, numerator, denominator);

    /// <summary>1 − numerator ÷ denominator (e.g. 1 − rework rate).</summary>
    public static Indicator Complement(string code, double numerator, double denominator, double weight) =>
        new(code, denominator > 0 ? 1 - Math.Clamp(numerator / denominator, 0, 1) : null, weight, numerator, denominator);

    public static Indicator Figure(string code, double numerator, double denominator) =>
        new(code, denominator > 0 ? numerator / denominator : null, 0, numerator, denominator);
}

/// <summary>A subject's score (0–100, null when no indicator has data), grade (A–E) and the indicators behind it.</summary>
public sealed record Scorecard(double? Score, string? Grade, IReadOnlyList<Indicator> Indicators);
