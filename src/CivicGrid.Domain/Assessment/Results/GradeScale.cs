namespace CivicGrid.Domain.Assessment;

/// <summary>A grade (等次) reached from <see cref="MinScore"/> upward; one band of a <see cref="GradeScale"/>.</summary>
public sealed record Grade(string Name, decimal MinScore);

/// <summary>
/// Grade bands as data (docs/domain/assessment.md §5), highest first; the lowest band also takes every score below
/// it. <see cref="Default"/> is a *default*, not a sourced rule: 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, 不合格 below.
/// </summary>
public sealed class GradeScale
{
    /// <summary>Creates a scale; bands must be non-empty with strictly descending minimum scores and distinct names.</summary>
    public GradeScale(IEnumerable<Grade> bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        Bands = bands.ToList().AsReadOnly();
        if (Bands.Count == 0)
        {
            throw new AssessmentRuleException("bands", "A grade scale needs at least one band.");
        }

        for (var i = 0; i < Bands.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Bands[i].Name))
            {
                throw new AssessmentRuleException($"bands[{i}].name", "A band needs a name.");
            }

            if (Bands.Take(i).Any(b => b.Name == Bands[i].Name))
            {
                throw new AssessmentRuleException($"bands[{i}].name", "Band names must be distinct.");
            }

            if (i > 0 && Bands[i].MinScore >= Bands[i - 1].MinScore)
            {
                throw new AssessmentRuleException($"bands[{i}].minScore", "Bands must be listed from the highest minimum down.");
            }
        }
    }

    /// <summary>The shipped default bands (labelled *default*).</summary>
    public static GradeScale Default { get; } = new(DefaultBands);

    private static Grade[] DefaultBands => [new("优秀", 90), new("良好", 80), new("合格", 60), new("不合格", 0)];

    public IReadOnlyList<Grade> Bands { get; }

    /// <summary>True when the bands are the shipped defaults, so that pages can label them as such.</summary>
    public bool IsDefault => Bands.SequenceEqual(DefaultBands);

    /// <summary>The band a score falls in.</summary>
    public Grade GradeOf(decimal score) => Bands.FirstOrDefault(b => score >= b.MinScore) ?? Bands[^1];
}
