using System.Diagnostics.CodeAnalysis;

// Test names read as sentences with underscores (Subject_Condition_Outcome), as the style guide asks.
[assembly: SuppressMessage(
    "Naming",
    "CA1707:Identifiers should not contain underscores",
    Justification = "Test names read as sentences: Subject_Condition_Outcome.",
    Scope = "namespaceanddescendants",
    Target = "~N:CivicGrid.Domain.Tests.Calendar")]
