using System.Globalization;

namespace CivicGrid.Bench;

/// <summary>
/// <c>evaluation --check</c>: compares a run with the figures of record (docs/performance.md, "Figure of record: 7 M
/// cases") and fails loudly — a message on stderr and exit code 1 — when a figure is more than <see cref="Tolerance"/>
/// times its record. The records were taken at 7 M cases; a smaller year must not be slower, so the same limits hold
/// for any <c>--cases</c> up to 7 M. Being faster is never a failure. Wall times are noisy on a shared machine (the
/// bench prints the load average): run the check on a quiet one.
/// </summary>
internal static class EvaluationBenchCheck
{
    public const double Tolerance = 3;

    /// <summary>The figures of record, by name: all nine kinds (wall and process CPU ms) and the cold dashboard's p95 (ms).</summary>
    public static IReadOnlyDictionary<string, double> Record { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["all nine kinds, wall ms"] = 604,
        ["all nine kinds, CPU ms"] = 863,
        ["dashboard 2025-06 cold p95 ms"] = 42,
        ["dashboard 2025-Q2 cold p95 ms"] = 48,
        ["dashboard 2025 cold p95 ms"] = 52,
    };

    /// <summary>Prints each figure against its record; false (and the failures on stderr) when one is off by more than 3×.</summary>
    public static bool Passes(IReadOnlyDictionary<string, double> measured, int cases)
    {
        Console.WriteLine($"## Check against the figures of record (fails when a figure is more than {Tolerance}× its record)");
        if (cases > 7_000_000) Console.WriteLine($"Note: the records are for 7,000,000 cases; this run has {cases:N0}.");
        Console.WriteLine("| figure | record | measured | measured ÷ record | |");
        Console.WriteLine("|---|---:|---:|---:|---|");
        var failures = new List<string>();
        foreach (var (name, record) in Record)
        {
            if (!measured.TryGetValue(name, out var value))
            {
                Console.WriteLine($"| {name} | {record:N0} | not measured (dashboard-only run) | | skipped |");
                continue;
            }
            var ratio = value / record;
            var ok = ratio <= Tolerance;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {record:N0} | {value:N0} | {ratio:N1} | {(ok ? "ok" : "FAILED")} |"));
            if (!ok) failures.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: {value:N0} against a record of {record:N0} ({ratio:N1}×)"));
        }
        Console.WriteLine();
        foreach (var failure in failures) Console.Error.WriteLine($"EVALUATION CHECK FAILED: {failure}");
        return failures.Count == 0;
    }
}
