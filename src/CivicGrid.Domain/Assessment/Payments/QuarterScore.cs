namespace CivicGrid.Domain.Assessment;

/// <summary>A contract's score for a quarter (usually the mean of the quarter's round totals, <see cref="PaymentCalculator.ScoreOfQuarter"/>).</summary>
public sealed record QuarterScore(Quarter Quarter, decimal Score);
