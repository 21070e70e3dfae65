using CivicGrid.Domain.Cases;

namespace CivicGrid.Server.Platform.LiveUpdates;

internal static class CaseEvents
{
    public static CaseEvent Of(Case @case, CaseHistoryEntry entry) =>
        new(@case.Id, @case.Number, entry.Action, @case.Status.ToString(), @case.DistrictCode, @case.StreetCode, @case.DepartmentId, entry.At);
}
