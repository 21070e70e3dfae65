namespace CivicGrid.Domain.Assessment;

/// <summary>Which subjects a round inspects: all, or <see cref="PerDistrict"/> drawn at random in each district.</summary>
public sealed record SamplingPlan
{
    private SamplingPlan(int? perDistrict) => PerDistrict = perDistrict;

    /// <summary>Every subject.</summary>
    public static SamplingPlan All { get; } = new((int?)null);

    /// <summary>The number drawn per district, or null for all.</summary>
    public int? PerDistrict { get; }

    /// <summary>N subjects drawn per district (a district with fewer gives all of them).</summary>
    public static SamplingPlan RandomPerDistrict(int count) =>
        count >= 1 ? new(count) : throw new AssessmentRuleException("perDistrict", "Draw at least one subject per district.");
}
