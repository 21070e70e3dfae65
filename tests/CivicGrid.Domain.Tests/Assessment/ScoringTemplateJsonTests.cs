using CivicGrid.Domain.Assessment;

namespace CivicGrid.Domain.Tests.Assessment;

public sealed class ScoringTemplateJsonTests
{
    [Fact]
    public void A_template_survives_a_json_round_trip()
    {
        var original = SampleSheets.RuralGarbage(frozen: true);
        var copy = ScoringTemplateJson.Read(ScoringTemplateJson.Write(original));

        Assert.Equal((original.Key, original.Name, original.Version, original.Frozen), (copy.Key, copy.Name, copy.Version, copy.Frozen));
        Assert.Equal(original.Items, copy.Items);
        Assert.Equal(original.Sections.Select(s => (s.Code, s.Name)), copy.Sections.Select(s => (s.Code, s.Name)));
    }

    [Fact]
    public void The_json_uses_the_documented_shape()
    {
        var json = ScoringTemplateJson.Write(SampleSheets.RuralGarbage());
        Assert.Contains("\"key\": \"rural-garbage\"", json);
        Assert.Contains("\"rule\": {\n", json.Replace("\r\n", "\n"));
        Assert.Contains("\"kind\": \"deduction\"", json);
        Assert.Contains("\"perOccurrence\": 0.5", json);
        Assert.Contains("\"evidence\": [\n", json.Replace("\r\n", "\n"));
        Assert.Contains("\"veto\": true", json);
        Assert.Contains("洁净度", json); // readable, not \u-escaped
    }

    [Fact]
    public void The_example_in_the_domain_reference_reads_as_a_template()
    {
        // docs/domain/assessment.md §2, copied verbatim
        const string json = """
            {
              "key": "rural-garbage", "name": "农村生活垃圾治理督查考评评分表", "version": 1, "frozen": false,
              "sections": [
                { "code": "B", "name": "垃圾治理", "items": [
                  { "code": "B2", "name": "垃圾满溢", "fullPoints": 6,
                    "rule": { "kind": "deduction", "perOccurrence": 1, "cap": 6 },
                    "evidence": ["photo"], "evidenceWhen": "onDeduction", "veto": false },
                  { "code": "V1", "name": "重大环境污染事件", "fullPoints": 0,
                    "rule": { "kind": "passFail" }, "evidence": ["note"], "evidenceWhen": "onDeduction", "veto": true } ] } ]
            }
            """;
        var template = ScoringTemplateJson.Read(json);
        Assert.Equal((6m, true), (template.FullPoints, template.Item("V1")!.Veto));
        Assert.Equal(new DeductionRule(1, 6), template.Item("B2")!.Rule);
    }

    [Fact]
    public void Reading_a_cap_above_full_points_names_the_item_and_field()
    {
        const string json = """
            {"key":"k","name":"n","version":1,"sections":[{"code":"A","name":"a","items":[
              {"code":"A1","name":"x","fullPoints":5,"rule":{"kind":"deduction","perOccurrence":1,"cap":6}}]}]}
            """;
        Assert.Equal("A1.cap", Assert.Throws<AssessmentRuleException>(() => ScoringTemplateJson.Read(json)).Field);
    }

    [Theory]
    [InlineData("""{"kind":"stars"}""", "A1.rule")]
    [InlineData("""{"kind":"deduction","cap":2}""", "A1.perOccurrence")]
    public void Reading_a_bad_rule_names_the_item_and_field(string rule, string field)
    {
        var json = """{"key":"k","name":"n","version":1,"sections":[{"code":"A","name":"a","items":[{"code":"A1","name":"x","fullPoints":5,"rule":""" + rule + "}]}]}";
        Assert.Equal(field, Assert.Throws<AssessmentRuleException>(() => ScoringTemplateJson.Read(json)).Field);
    }

    [Fact]
    public void Reading_an_unknown_property_is_rejected_with_its_path()
    {
        var e = Assert.Throws<AssessmentRuleException>(() => ScoringTemplateJson.Read("""{"key":"k","points":100}"""));
        Assert.StartsWith("$", e.Field);
    }

    [Fact]
    public void Reading_a_template_without_a_version_names_the_version()
    {
        var json = """{"key":"k","name":"n","sections":[{"code":"A","name":"a","items":[{"code":"A1","name":"x","fullPoints":5,"rule":{"kind":"passFail"}}]}]}""";
        Assert.Equal("version", Assert.Throws<AssessmentRuleException>(() => ScoringTemplateJson.Read(json)).Field);
    }
}
