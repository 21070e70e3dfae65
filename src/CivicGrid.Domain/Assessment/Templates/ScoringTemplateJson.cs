using System.Text.Json;
using System.Text.Json.Serialization;

namespace CivicGrid.Domain.Assessment;

/// <summary>
/// Reads and writes a template as JSON (System.Text.Json, camelCase, unknown properties rejected). The shape is
/// documented in docs/domain/assessment.md §2. Reading checks every invariant of the domain types; any problem is an
/// <see cref="AssessmentRuleException"/> naming the field (malformed JSON: the JSON path, e.g. <c>$.sections[0]</c>).
/// </summary>
public static class ScoringTemplateJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The template as indented JSON (Chinese text kept readable, not \u-escaped).</summary>
    public static string Write(ScoringTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var document = new TemplateDocument(template.Key, template.Name, template.Version, template.Frozen,
            [.. template.Sections.Select(s => new SectionDocument(s.Code, s.Name, [.. s.Items.Select(ToDocument)]))]);
        return JsonSerializer.Serialize(document, Options);
    }

    /// <summary>Builds a template from JSON; see the class summary for errors.</summary>
    public static ScoringTemplate Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        TemplateDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<TemplateDocument>(json, Options);
        }
        catch (JsonException e)
        {
            throw new AssessmentRuleException(e.Path ?? "$", "The JSON is not a template: " + e.Message);
        }

        if (document is null)
        {
            throw new AssessmentRuleException("$", "The JSON is empty.");
        }

        var sections = (document.Sections ?? []).Select(s => new ScoringSection(s.Code ?? "", s.Name ?? "", (s.Items ?? []).Select(FromDocument)));
        return new ScoringTemplate(document.Key ?? "", document.Name ?? "", document.Version, sections.ToList(), document.Frozen);
    }

    private static ItemDocument ToDocument(ScoringItem item) => new(
        item.Code, item.Name, item.FullPoints,
        item.Rule is DeductionRule d ? new RuleDocument("deduction", d.PerOccurrence, d.Cap) : new RuleDocument("passFail"),
        item.RequiredEvidence == Evidence.None ? null : EvidenceNames(item.RequiredEvidence),
        item.RequiredEvidence == Evidence.None ? null : item.EvidenceWhen == EvidenceWhen.Always ? "always" : "onDeduction",
        item.Veto);

    private static ScoringItem FromDocument(ItemDocument item)
    {
        var code = item.Code ?? "";
        var rule = item.Rule?.Kind switch
        {
            "deduction" => new DeductionRule(
                item.Rule.PerOccurrence ?? throw new AssessmentRuleException($"{code}.perOccurrence", "A deduction rule needs perOccurrence."),
                item.Rule.Cap ?? throw new AssessmentRuleException($"{code}.cap", "A deduction rule needs a cap.")),
            "passFail" => (ItemRule)PassFailRule.Instance,
            _ => throw new AssessmentRuleException($"{code}.rule", "The rule kind must be \"deduction\" or \"passFail\"."),
        };
        var when = item.EvidenceWhen switch
        {
            null or "onDeduction" => EvidenceWhen.OnDeduction,
            "always" => EvidenceWhen.Always,
            _ => throw new AssessmentRuleException($"{code}.evidenceWhen", "evidenceWhen must be \"onDeduction\" or \"always\"."),
        };
        return new ScoringItem(code, item.Name ?? "", item.FullPoints, rule, ParseEvidence(code, item.Evidence), when, item.Veto);
    }

    private static string[] EvidenceNames(Evidence evidence) =>
        [.. new[] { (Evidence.Photo, "photo"), (Evidence.Note, "note") }.Where(e => evidence.HasFlag(e.Item1)).Select(e => e.Item2)];

    private static Evidence ParseEvidence(string code, IReadOnlyList<string>? names) =>
        (names ?? []).Aggregate(Evidence.None, (all, name) => all | name switch
        {
            "photo" => Evidence.Photo,
            "note" => Evidence.Note,
            _ => throw new AssessmentRuleException($"{code}.evidence", $"Unknown evidence \"{name}\"; use \"photo\" or \"note\"."),
        });
}
