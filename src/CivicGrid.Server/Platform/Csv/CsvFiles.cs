using System.Globalization;
using CsvHelper;

namespace CivicGrid.Server.Platform.Csv;

/// <summary>The CSV settings shared by import and export: UTF-8, comma, RFC 4180 quoting, header row, values trimmed,
/// line numbers tracked for rejection messages, malformed quoting recovered and reported per record.</summary>
internal static class CsvFiles
{
    public static CsvReaderOptions ReaderOptions(HashSet<long> malformedLines) => CsvReaderOptions.Default with
    {
        HasHeader = true,
        TrimWhitespace = true,
        TrackLineNumbers = true,
        FormatProvider = CultureInfo.InvariantCulture,
        OnMalformedRecord = record =>
        {
            if (record.Reason != CsvMalformedReason.FieldCountMismatch) malformedLines.Add(record.LineNumber);
        },
    };

    public static CsvWriterOptions WriterOptions { get; } = CsvWriterOptions.Default with { FormatProvider = CultureInfo.InvariantCulture };

    // What a spreadsheet reads as the start of a formula (OWASP "CSV injection"): = + - @, tab and carriage return.
    private const string FormulaStarts = "=+-@\t\r";

    /// <summary>Text for a CSV cell that a spreadsheet shows as text: one that starts like a formula gets an apostrophe
    /// in front (Excel and LibreOffice hide it). Every CSV writer passes its text cells through this; numbers it writes
    /// itself never start that way except with a minus sign, so they are left out (docs/data-formats.md).</summary>
    public static string? Protect(string? text) =>
        text is { Length: > 0 } && FormulaStarts.Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;

    /// <summary>The inverse of <see cref="Protect"/> for the importers, so that an exported file imports unchanged: an
    /// apostrophe before a formula character is dropped.</summary>
    public static string? Restore(string? text) =>
        text is { Length: > 1 } && text[0] == '\'' && FormulaStarts.Contains(text[1], StringComparison.Ordinal) ? text[1..] : text;

    /// <summary>Reads and checks the header: every column known, every required column present.</summary>
    /// <exception cref="ImportFileException">The file is empty or the header names unknown columns or lacks required ones.</exception>
    public static IReadOnlyList<string> ReadHeader(CsvReader csv, string[] known, string[] required)
    {
        IReadOnlyList<string> header;
        try
        {
            header = csv.Headers;
        }
        catch (CsvFormatException exception)
        {
            throw new ImportFileException($"The CSV header cannot be read: {exception.Message}", exception);
        }
        if (header.Count == 0 || header.All(string.IsNullOrWhiteSpace))
            throw new ImportFileException($"The CSV file is empty; its first line must be the header {string.Join(",", known)}.");
        var unknown = header.Where(h => !known.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        var missing = required.Where(r => !header.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count == 0 && missing.Count == 0) return header;
        var problems = new List<string>();
        if (missing.Count > 0) problems.Add($"lacks the column(s) {string.Join(", ", missing)}");
        if (unknown.Count > 0) problems.Add($"has unknown column(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))}");
        throw new ImportFileException($"The CSV header (line 1) {string.Join(" and ", problems)}; the columns are {string.Join(",", known)}.");
    }
}
