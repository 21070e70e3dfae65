using CivicGrid.Domain.Cases;

namespace CivicGrid.Server.Features.CommandCentre;

/// <summary>GET /api/v1/command/board: what the command centre's wall shows besides the map's cases and the live feed.</summary>
public sealed record CommandBoard(DateTimeOffset AsOf, BoardFigures Figures, IReadOnlyList<OverdueCase> Overdue,
    IReadOnlyList<LeagueRow> League, IReadOnlyList<HeatPoint> Heat);

/// <summary>Today (since the city's midnight) against the whole of yesterday, and the open and overdue cases now.</summary>
public sealed record BoardFigures(int ReportedToday, int ReportedYesterday, int ClosedToday, int ClosedYesterday, int Open, int Overdue);

/// <summary>An open case past its stage deadline, by name: type, place (street · community) and department.</summary>
public sealed record OverdueCase(long Id, string Number, string? TypeName, string? Place, string? DepartmentName, DateTimeOffset DueAt, CaseStatus Status);

/// <summary>One department: its open and overdue cases now; this month's handling stages due and met on time.</summary>
public sealed record LeagueRow(int DepartmentId, string Name, int Open, int Overdue, int DueThisMonth, int DueOnTime, double? OnTimeRate);

/// <summary>Where a case was reported in the last 24 hours (WGS-84).</summary>
public sealed record HeatPoint(double Lon, double Lat);
