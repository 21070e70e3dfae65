namespace CivicGrid.Domain.Evaluation;

/// <summary>One figure behind a score: its value as a fraction (a rate, or a band score ÷ 100), how it was computed
/// and its weight in the score. <see cref="Value"/> is always <see cref="Numerator"/> ÷ <see cref="Denominator"/> (a test
/// checks it for every indicator of every kind), and null when the period has no data for it (denominator 0); such an
/// indicator does not count and the other weights are scaled up.</summary>
public sealed record Indicator(string Code, double? Value, double Weight, double Numerator, double Denominator)
{
    /// <summary>numerator ÷ denominator. A rate cannot pass 1 (events of one period may finish cases of the previous one, e.g.
    /// more closed than registered): the numerator shown is then the denominator, so the value stays its quotient.</summary>
    public static Indicator Rate(string code, double numerator, double denominator, double weight)
    {
        var shown = Math.Clamp(numerator, 0, Math.Max(0, denominator));
        return new(code, denominator > 0 ? shown / denominator : null, weight, shown, denominator);
    }

    /// <summary>1 − part ÷ whole (e.g. 1 − rework rate), shown as (whole − part) ÷ whole: the numerator is what is left.</summary>
    public static Indicator Complement(string code, double part, double whole, double weight) => Rate(code, whole - part, whole, weight);

    public static Indicator Figure(string code, double numerator, double denominator) =>
        new(code, denominator > 0 ? numerator / denominator : null, 0, numerator, denominator);
}

/// <summary>A subject's score (0–100, null when no indicator has data), grade (A–E) and the indicators behind it.</summary>
public sealed record Scorecard(double? Score, string? Grade, IReadOnlyList<Indicator> Indicators);
