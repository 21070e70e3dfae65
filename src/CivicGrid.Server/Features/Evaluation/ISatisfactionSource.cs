using CivicGrid.Domain.Evaluation;
using CivicGrid.Domain.Organisation;

namespace CivicGrid.Server.Features.Evaluation;

/// <summary>
/// Where citizens' satisfaction comes from, per subject and period: <see cref="CaseRatingSatisfaction"/> (the citizens'
/// ratings of closed cases) is registered; <see cref="NoSatisfaction"/> is for a city without public ratings. A subject
/// with ratings gets a "satisfaction" indicator (average ÷ 5) with the weight <see cref="EvaluationSettings.Satisfaction"/>
/// (0 by default: shown but not scored; a city turns it on in configuration).
/// </summary>
public interface ISatisfactionSource
{
    /// <summary>Ratings of the cases of each subject (by subject key) closed in the period; subjects without ratings are absent.</summary>
    Task<IReadOnlyDictionary<string, SatisfactionFigure>> ForAsync(
        EvaluationSubjectKind kind, EvaluationPeriod period, DataScope scope, CancellationToken cancellationToken);
}

/// <summary>No ratings yet: no satisfaction indicator.</summary>
public sealed class NoSatisfaction : ISatisfactionSource
{
    public Task<IReadOnlyDictionary<string, SatisfactionFigure>> ForAsync(
        EvaluationSubjectKind kind, EvaluationPeriod period, DataScope scope, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, SatisfactionFigure>>(new Dictionary<string, SatisfactionFigure>());
}
