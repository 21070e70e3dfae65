namespace CivicGrid.Domain.Assessment;

// The JSON shape of a template (docs/domain/assessment.md §2). Plain data: nulls are allowed here and rejected,
// with the field named, when the domain types are built from it.

internal sealed record TemplateDocument(string? Key, string? Name, int Version, bool Frozen, IReadOnlyList<SectionDocument>? Sections);

internal sealed record SectionDocument(string? Code, string? Name, IReadOnlyList<ItemDocument>? Items);

internal sealed record ItemDocument(
    string? Code, string? Name, decimal FullPoints, RuleDocument? Rule,
    IReadOnlyList<string>? Evidence = null, string? EvidenceWhen = null, bool Veto = false);

/// <summary><c>kind</c> is "deduction" (with perOccurrence and cap) or "passFail".</summary>
internal sealed record RuleDocument(string? Kind, decimal? PerOccurrence = null, decimal? Cap = null);
