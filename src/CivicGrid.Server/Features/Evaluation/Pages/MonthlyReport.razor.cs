using System.Globalization;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Evaluation;

namespace CivicGrid.Server.Features.Evaluation.Pages;

/// <summary>The monthly report's month rules and how its figures are shown (the page's markup is in MonthlyReport.razor).</summary>
public partial class MonthlyReport
{
    /// <summary>The last complete month in the city's time: the month before the one <paramref name="today"/> is in.</summary>
    internal static EvaluationPeriod DefaultMonth(DateTimeOffset today)
    {
        var last = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        return EvaluationPeriod.Month(last.Year, last.Month);
    }

    /// <summary>yyyy-MM (what an input of type month sends), nothing else.</summary>
    internal static EvaluationPeriod? ParseMonth(string text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) && first.Year >= 2000
            ? EvaluationPeriod.Month(first.Year, first.Month)
            : null;

    private static Figure? Find(Dashboard d, string code) => d.Figures.FirstOrDefault(f => f.Code == code);

    private static bool IsRate(Figure? figure) => figure?.Denominator is not null;

    private static string Show(Figure? figure) => figure is null ? "—"
        : IsRate(figure) ? (figure.Value is { } rate ? (rate * 100).ToString("F1", CultureInfo.InvariantCulture) + " %" : "—")
        : (figure.Value ?? 0).ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Counts: the difference and its ratio to last month; rates: the difference in percentage points.</summary>
    private string Change(Figure? now, Figure? before)
    {
        if (now?.Value is not { } a || before?.Value is not { } b) return "—";
        if (IsRate(now)) return ((a - b) * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " " + T["dashboard.report.points"];
        var difference = (a - b).ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture);
        return b > 0 ? $"{difference} ({((a - b) / b * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture)} %)" : difference;
    }

    private static string Score(EvaluationRow row) => row.Score?.ToString("F1", CultureInfo.InvariantCulture) ?? "—";

    private static string Percent(int numerator, int denominator) =>
        denominator > 0 ? ((double)numerator / denominator * 100).ToString("F1", CultureInfo.InvariantCulture) + " %" : "—";

    private static string Satisfaction(EvaluationRow row) =>
        row.Indicators.FirstOrDefault(i => i.Code == "satisfaction") is { } s ? s.Numerator.ToString("F2", CultureInfo.InvariantCulture) : "—";

    /// <summary>Channel keys are enum names: show their labels.</summary>
    private List<Breakdown> Channels(IEnumerable<Breakdown> rows) => rows
        .Select(r => Enum.TryParse<CaseChannel>(r.Key, out var channel) ? r with { Name = T.Of(channel) } : r).ToList();

    private string TrendJson(Dashboard d) => System.Text.Json.JsonSerializer.Serialize(new
    {
        animation = false,
        labels = d.Trend.Select(p => p.Start.ToString("MM-dd", CultureInfo.InvariantCulture)),
        series = new object[]
        {
            new { name = T["figure.reported"], data = d.Trend.Select(p => p.Reported) },
            new { name = T["figure.registered"], data = d.Trend.Select(p => p.Registered) },
            new { name = T["figure.closed"], data = d.Trend.Select(p => p.Closed) },
        },
    });

    private string BarJson(IEnumerable<Breakdown> rows)
    {
        var list = rows.ToList();
        return System.Text.Json.JsonSerializer.Serialize(new
        {
            animation = false,
            type = "bar",
            labels = list.Select(r => r.Name),
            series = new object[]
            {
                new { name = T["figure.reported"], data = list.Select(r => r.Reported) },
                new { name = T["figure.registered"], data = list.Select(r => r.Registered) },
                new { name = T["figure.closed"], data = list.Select(r => r.Closed) },
            },
        });
    }
}
