using CivicGrid.Domain.Evaluation;

namespace CivicGrid.Server.Features.Evaluation;

/// <summary>The leaders' dashboard for a period and the caller's scope. Every figure carries the URL of the list of
/// cases behind it (<see cref="Figure.Cases"/>): the evaluation drill-down, or the case list's own filter for "overdue now".</summary>
public sealed record Dashboard(
    string Period, DateOnly From, DateOnly To, DateTimeOffset AsOf,
    IReadOnlyList<Figure> Figures,
    IReadOnlyList<TrendPoint> Trend,
    IReadOnlyList<Breakdown> ByType,
    IReadOnlyList<Breakdown> ByChannel,
    IReadOnlyList<Breakdown> ByDistrict,
    IReadOnlyList<Hotspot> Hotspots,
    // The first <c>top</c> rows of ByType (kept in the API for its clients; the pages show ByType once).
    IReadOnlyList<Breakdown> RecurrentProblems,
    IReadOnlyList<EvaluationRow> DepartmentLeague);

/// <summary>One headline figure: a count (or a rate as a fraction with its numerator and denominator) and its cases.</summary>
public sealed record Figure(string Code, double? Value, int? Numerator, int? Denominator, string? Cases);

/// <summary>One day (interval=day) or one ISO week starting Monday (interval=week).</summary>
public sealed record TrendPoint(DateOnly Start, int Reported, int Registered, int Closed, int ClosedOnTime);

/// <summary>Counts under one key (type "Matter:06010", channel, district code) with its name and the drill-down of its registered cases.</summary>
public sealed record Breakdown(string Key, string Name, int Reported, int Registered, int Closed, int ClosedOnTime, double? OnTimeClosureRate, string Cases);

/// <summary>A unit grid with many cases: its code, where it is by name (street and community; the grid's serial within its
/// community), centroid (WGS-84) and the cases reported there in the period.</summary>
public sealed record Hotspot(string GridCode, string Street, string Community, string Serial, double Longitude, double Latitude,
    int Reported, int Registered, string Cases);

internal static class DashboardLinks
{
    public static string Cases(EvaluationSubjectKind kind, string? key, EvaluationMeasure measure, EvaluationPeriod period) =>
        $"/api/v1/evaluation/cases?kind={kind.ToCode()}{(key is null ? "" : "&key=" + Uri.EscapeDataString(key))}&measure={EvaluationDrillDown.Camel(measure)}&period={Uri.EscapeDataString(period.Label)}";

    public static Breakdown Of(string key, string name, EvaluationCounts c, EvaluationSubjectKind kind, EvaluationPeriod period) =>
        new(key, name, c.Reported, c.Registered, c.Closed, c.ClosedOnTime, c.Closed > 0 ? (double)c.ClosedOnTime / c.Closed : null,
            Cases(kind, key, EvaluationMeasure.Registered, period));
}
