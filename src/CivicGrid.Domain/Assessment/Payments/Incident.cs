namespace CivicGrid.Domain.Assessment;

/// <summary>An incident in the quarter (e.g. media exposure) of a kind listed in the rules.</summary>
public sealed record Incident(string Kind, DateOnly Date, string? Note = null);
