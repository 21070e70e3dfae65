using CivicGrid.Domain.Assessment;

namespace CivicGrid.Domain.Tests.Assessment;

public sealed class SubjectSamplerTests
{
    // 4 districts × 30 villages
    private static readonly AssessmentSubject[] Villages =
    [
        .. from district in new[] { "460105", "460106", "460107", "460108" }
           from n in Enumerable.Range(1, 30)
           select new AssessmentSubject($"{district}-v{n:D2}", district),
    ];

    [Fact]
    public void All_takes_every_subject()
    {
        Assert.Equal(120, SubjectSampler.Sample(Villages, SamplingPlan.All, seed: 1).Count);
    }

    [Fact]
    public void N_per_district_draws_exactly_N_in_every_district()
    {
        var sample = SubjectSampler.Sample(Villages, SamplingPlan.RandomPerDistrict(5), seed: 2026);
        Assert.All(sample.GroupBy(s => s.District), d => Assert.Equal(5, d.Count()));
        Assert.Equal(4, sample.Select(s => s.District).Distinct().Count());
    }

    [Fact]
    public void The_same_seed_and_subjects_give_the_same_sample_whatever_the_input_order()
    {
        var shuffled = Villages.OrderBy(v => v.Key.GetHashCode(StringComparison.Ordinal)).Reverse().ToArray();
        var first = SubjectSampler.Sample(Villages, SamplingPlan.RandomPerDistrict(5), seed: 42);
        var second = SubjectSampler.Sample(shuffled, SamplingPlan.RandomPerDistrict(5), seed: 42);
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_different_seed_gives_a_different_sample()
    {
        var first = SubjectSampler.Sample(Villages, SamplingPlan.RandomPerDistrict(5), seed: 42);
        var second = SubjectSampler.Sample(Villages, SamplingPlan.RandomPerDistrict(5), seed: 43);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void The_draw_is_fixed_by_the_algorithm_not_by_the_process()
    {
        // the first 8 bytes of SHA-256("42:460105-v01"), big-endian; a change here changes every stored round's sample
        Assert.Equal(2244745856320453227UL, SubjectSampler.DrawNumber(42, "460105-v01"));
    }

    [Fact]
    public void Adding_a_subject_leaves_the_other_districts_samples_unchanged()
    {
        var before = SubjectSampler.Sample(Villages, SamplingPlan.RandomPerDistrict(5), seed: 7);
        var after = SubjectSampler.Sample([.. Villages, new("460105-v31", "460105")], SamplingPlan.RandomPerDistrict(5), seed: 7);
        Assert.Equal(before.Where(s => s.District != "460105"), after.Where(s => s.District != "460105"));
    }

    [Fact]
    public void A_district_smaller_than_N_gives_all_its_subjects()
    {
        var sample = SubjectSampler.Sample([new("a", "d1"), new("b", "d1"), new("c", "d2")], SamplingPlan.RandomPerDistrict(5), seed: 1);
        Assert.Equal(["a", "b", "c"], sample.Select(s => s.Key));
    }

    [Fact]
    public void A_subject_listed_twice_is_rejected()
    {
        var e = Assert.Throws<AssessmentRuleException>(() => SubjectSampler.Sample([new("a", "d1"), new("a", "d2")], SamplingPlan.All, 1));
        Assert.Equal("subjects", e.Field);
    }

    [Fact]
    public void Drawing_zero_per_district_is_rejected()
    {
        Assert.Equal("perDistrict", Assert.Throws<AssessmentRuleException>(() => SamplingPlan.RandomPerDistrict(0)).Field);
    }
}
