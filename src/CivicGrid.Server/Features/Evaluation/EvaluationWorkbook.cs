using System.Globalization;
using CivicGrid.Domain.Evaluation;
using CivicGrid.Server.Platform.Web.Localisation;
using MiniExcelLibs;

namespace CivicGrid.Server.Features.Evaluation;

/// <summary>An evaluation table as a workbook for people (.xlsx, MiniExcel): a title row (what, period, scope), then
/// headers in the UI's language (Chinese unless the culture cookie says English), rank, name, code, score, grade, each
/// indicator (rates in per cent, 0–100, one decimal; "cases per grid" as it is) and every counter behind it. The CSV
/// (<see cref="EvaluationExport"/>) keeps the codes and fractions, for programs.</summary>
public static class EvaluationWorkbook
{
    /// <summary>Indicators that are not a share of something: shown as they are, not in per cent.</summary>
    private static readonly HashSet<string> Plain = new(StringComparer.Ordinal) { "casesPerGrid" };

    public static string Title(EvaluationTable table, string scope, UiText text, string language) =>
        string.Format(CultureInfo.InvariantCulture, text.Get(language, "export.title"), text.Get(language, "export.kind." + table.Kind),
            table.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), table.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            table.Period, scope);

    public static IReadOnlyList<string> Header(EvaluationTable table, UiText text, string language)
    {
        var header = new List<string> { text.Get(language, "export.rank"), text.Get(language, "export.name"), text.Get(language, "export.key"),
            text.Get(language, "dashboard.score"), text.Get(language, "dashboard.grade") };
        header.AddRange(Indicators(table).Select(code => text.Get(language, "indicator." + code) + (Plain.Contains(code) ? "" : " (%)")));
        header.AddRange(EvaluationMeasures.All.Select(m => text.Get(language, "figure." + EvaluationDrillDown.Camel(m))));
        return header;
    }

    public static IEnumerable<object?[]> Rows(EvaluationTable table)
    {
        var codes = Indicators(table);
        foreach (var row in table.Rows)
        {
            var values = new List<object?> { row.Rank, row.Name, row.Key, row.Score is { } s ? Math.Round(s, 1) : null, row.Grade };
            values.AddRange(codes.Select(code => row.Indicators.FirstOrDefault(i => i.Code == code)?.Value is { } v
                ? (object)(Plain.Contains(code) ? Math.Round(v, 2) : Math.Round(v * 100, 1)) : null));
            values.AddRange(EvaluationMeasures.All.Select(m => (object?)row.Counts.Get(m)));
            yield return values.ToArray();
        }
    }

    public static async Task WriteAsync(EvaluationTable table, string scope, UiText text, string language, Stream output, CancellationToken cancellationToken)
    {
        var header = Header(table, text, language);
        var columns = header.Select((_, i) => Column(i)).ToList();
        Dictionary<string, object?> Line(IReadOnlyList<object?> values) =>
            columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i < values.Count ? values[x.i] : null, StringComparer.Ordinal);
        var lines = new List<Dictionary<string, object?>> { Line([Title(table, scope, text, language)]), Line(header.ToArray()) };
        lines.AddRange(Rows(table).Select(Line));
        await output.SaveAsAsync(lines, printHeader: false, sheetName: SheetName(text.Get(language, "export.kind." + table.Kind) + " " + table.Period),
            cancellationToken: cancellationToken);
    }

    /// <summary>A1-style column letters: A … Z, AA …</summary>
    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column(index / 26 - 1) + (char)('A' + index % 26);

    /// <summary>At most 31 characters, none of those a sheet name may not hold.</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? ' ' : c).ToArray());
        return clean.Length <= 31 ? clean : clean[..31];
    }

    private static List<string> Indicators(EvaluationTable table) =>
        table.Rows.SelectMany(r => r.Indicators.Select(i => i.Code)).Distinct(StringComparer.Ordinal).ToList();
}
