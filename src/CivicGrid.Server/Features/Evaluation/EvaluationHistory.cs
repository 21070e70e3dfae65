using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Evaluation;

namespace CivicGrid.Server.Features.Evaluation;

/// <summary>Reads only the history fields the evaluation needs (no notes, hashes or attachments).</summary>
internal static class EvaluationHistory
{
    public static IQueryable<CaseHistoryEntry> Entries(IQueryable<CaseHistoryEntry> history) =>
        history.Select(e => new CaseHistoryEntry
        {
            CaseId = e.CaseId, Sequence = e.Sequence, At = e.At, ActorUserId = e.ActorUserId, ActorRole = e.ActorRole, Action = e.Action,
            Data = e.Data, Deadline = e.Deadline, ActorName = "", PreviousHash = "", Hash = "",
        });

    public static IQueryable<CaseFactsRow> Facts(IQueryable<Case> cases) =>
        cases.Select(c => new CaseFactsRow(c.Id, c.Channel, c.DistrictCode, c.StreetCode, c.CommunityCode, c.GridCode, c.ReporterUserId, c.Kind, c.TypeCode));
}

/// <summary>A case's evaluation facts as read from the database.</summary>
internal sealed record CaseFactsRow(long Id, CaseChannel Channel, string? DistrictCode, string? StreetCode, string? CommunityCode,
    string? GridCode, int? ReporterUserId, Domain.Catalogue.CatalogueKind? Kind, string? TypeCode)
{
    public CaseFacts ToFacts() => new(Channel, DistrictCode, StreetCode, CommunityCode, GridCode, ReporterUserId,
        Kind is { } kind && TypeCode is { } type ? $"{kind}:{type}" : null);
}
