namespace CivicGrid.Server.Platform.Web.Shared;

/// <summary>One option of a <see cref="GroupedSelect"/>: the value posted, the text shown and a detail (a code) the
/// search also matches.</summary>
public sealed record Choice(string Value, string Text, string? Detail = null);

/// <summary>A labelled group of options (an optgroup).</summary>
public sealed record ChoiceGroup(string Label, IReadOnlyList<Choice> Choices);
