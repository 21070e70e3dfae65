using System.Globalization;
using CivicGrid.Domain.Evaluation;

namespace CivicGrid.Server.Features.Evaluation;

/// <summary>An evaluation table as CSV (CsvHelper), for programs: rank, key, name, score, grade, each indicator's value (a
/// fraction) and every counter behind it, headed by their codes. People get the workbook (<see cref="EvaluationWorkbook"/>).</summary>
public static class EvaluationExport
{
    public static IReadOnlyList<string> Header(EvaluationTable table)
    {
        var header = new List<string> { "rank", "key", "name", "score", "grade" };
        header.AddRange(IndicatorCodes(table));
        header.AddRange(EvaluationMeasures.All.Select(EvaluationDrillDown.Camel));
        return header;
    }

    public static IEnumerable<object?[]> Rows(EvaluationTable table)
    {
        var codes = IndicatorCodes(table);
        foreach (var row in table.Rows)
        {
            var values = new List<object?> { row.Rank, row.Key, row.Name, row.Score, row.Grade };
            values.AddRange(codes.Select(code => (object?)(row.Indicators.FirstOrDefault(i => i.Code == code)?.Value is { } v ? Math.Round(v, 4) : null)));
            values.AddRange(EvaluationMeasures.All.Select(m => (object?)row.Counts.Get(m)));
            yield return values.ToArray();
        }
    }

    public static Task WriteCsvAsync(EvaluationTable table, Stream output, CancellationToken cancellationToken)
    {
        using (var csv = CsvHelper.CsvWriter.Create(output, Platform.Csv.CsvFiles.WriterOptions, leaveOpen: true))
        {
            csv.WriteRecord(Header(table).ToArray());
            foreach (var values in Rows(table))
            {
                cancellationToken.ThrowIfCancellationRequested();
                csv.WriteRecord(values.Select(Text).ToArray());
            }
        }
        return Task.CompletedTask;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string text => Platform.Csv.CsvFiles.Protect(text) ?? "", // names an administrator typed: never a formula
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static List<string> IndicatorCodes(EvaluationTable table) =>
        table.Rows.SelectMany(r => r.Indicators.Select(i => i.Code)).Distinct(StringComparer.Ordinal).ToList();
}
