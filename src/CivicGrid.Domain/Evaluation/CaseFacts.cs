using CivicGrid.Domain.Cases;

namespace CivicGrid.Domain.Evaluation;

/// <summary>What the evaluation needs to know about a case besides its history: where it is and who reported it.</summary>
public sealed record CaseFacts(
    CaseChannel Channel, string? DistrictCode, string? StreetCode, string? CommunityCode, string? GridCode, int? ReporterUserId)
{
    public static CaseFacts Of(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return new(@case.Channel, @case.DistrictCode, @case.StreetCode, @case.CommunityCode, @case.GridCode, @case.ReporterUserId);
    }
}
