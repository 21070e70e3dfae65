namespace CivicGrid.Domain.Assessment;

/// <summary>
/// A subject to inspect (town, village, contractor, kiosk, storefront, facility …) reduced to what sampling needs: a
/// stable key unique in the round and the district it is sampled in. See docs/domain/assessment.md §4.
/// </summary>
public sealed record AssessmentSubject(string Key, string District);
