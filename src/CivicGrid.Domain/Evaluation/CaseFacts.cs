using CivicGrid.Domain.Cases;

namespace CivicGrid.Domain.Evaluation;

/// <summary>What the evaluation needs to know about a case besides its history: where it is, who reported it and its type
/// (the type is fixed once the case is registered: classifying is only allowed before, so it is read from the case).</summary>
public sealed record CaseFacts(
    CaseChannel Channel, string? DistrictCode, string? StreetCode, string? CommunityCode, string? GridCode, int? ReporterUserId,
    string? TypeKey = null)
{
    public static CaseFacts Of(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return new(@case.Channel, @case.DistrictCode, @case.StreetCode, @case.CommunityCode, @case.GridCode, @case.ReporterUserId,
            @case.Kind is { } kind && @case.TypeCode is { } type ? $"{kind}:{type}" : null);
    }
}
