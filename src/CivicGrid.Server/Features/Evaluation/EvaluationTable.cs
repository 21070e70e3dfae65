using CivicGrid.Domain.Evaluation;

namespace CivicGrid.Server.Features.Evaluation;

/// <summary>An evaluation table: one subject kind over one period, ranked, with the figures behind each score.</summary>
public sealed record EvaluationTable(string Kind, string Period, DateOnly From, DateOnly To, IReadOnlyList<EvaluationRow> Rows);

/// <summary>One subject: rank (null when it has no score), key (code, department id or user id), name, score, grade,
/// indicators (value = fraction, weight, numerator ÷ denominator) and the raw counters.</summary>
public sealed record EvaluationRow(int? Rank, string Key, string Name, double? Score, string? Grade,
    IReadOnlyList<Indicator> Indicators, EvaluationCounts Counts);
