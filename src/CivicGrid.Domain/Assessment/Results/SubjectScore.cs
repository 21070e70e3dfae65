namespace CivicGrid.Domain.Assessment;

/// <summary>A subject's score in a round (a sheet total, or the mean of its sheets), keyed by subject.</summary>
public sealed record SubjectScore(string Key, decimal Score);

/// <summary>A subject's place: <see cref="Rank"/> 1 is best; equal scores share a rank and the next rank skips (1, 2, 2, 4).</summary>
public sealed record RankedScore(int Rank, string Key, decimal Score);
