namespace CivicGrid.Domain.Evaluation;

/// <summary>One counter of one subject goes up by one because of a step at <paramref name="At"/>.</summary>
public readonly record struct EvaluationIncrement(
    DateTimeOffset At, EvaluationSubjectKind SubjectKind, string SubjectKey, string DistrictCode, EvaluationMeasure Measure);
