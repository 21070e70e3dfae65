namespace CivicGrid.Server.Platform.LiveUpdates;

/// <summary>A committed case step, announced to live views (the command centre, the map). It carries no personal
/// data: subscribers load what they show within their own user's scope.</summary>
/// <param name="Action">The history action code: report, link_duplicate, dispatch, overdue …</param>
public sealed record CaseEvent(long CaseId, string Number, string Action, string Status, string? DistrictCode,
    string? StreetCode, int? DepartmentId, DateTimeOffset At);
