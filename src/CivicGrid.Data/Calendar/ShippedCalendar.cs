using System.Globalization;
using System.Text;
using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Calendar.Import;

namespace CivicGrid.Data.Calendar;

/// <summary>The State Council holiday schedules shipped in <c>state-council-holidays.csv</c> (sources in the file), and
/// the SQL with which a migration adds them without touching dates a city has already entered.</summary>
public static class ShippedCalendar
{
    private static readonly Lazy<IReadOnlyList<CalendarDay>> Shipped = new(Load);

    /// <summary>Every shipped special day, in date order.</summary>
    public static IReadOnlyList<CalendarDay> Days => Shipped.Value;

    /// <summary>
    /// An INSERT of the shipped days of <paramref name="years"/> that skips dates already present (ON CONFLICT DO
    /// NOTHING: SQLite and PostgreSQL alike). Run once by a migration, so days a city deletes later stay deleted.
    /// </summary>
    public static string InsertSql(params int[] years)
    {
        var values = Days.Where(d => years.Contains(d.Date.Year)).Select(d => string.Create(CultureInfo.InvariantCulture,
            $"('{d.Date:yyyy-MM-dd}', '{d.Kind}', '{d.Name.Replace("'", "''", StringComparison.Ordinal)}')"));
        return new StringBuilder()
            .Append("INSERT INTO \"CalendarDays\" (\"Date\", \"Kind\", \"Name\") VALUES\n")
            .AppendJoin(",\n", values)
            .Append("\nON CONFLICT (\"Date\") DO NOTHING;")
            .ToString();
    }

    private static IReadOnlyList<CalendarDay> Load()
    {
        using var stream = typeof(ShippedCalendar).Assembly.GetManifestResourceStream("CivicGrid.Data.Calendar.state-council-holidays.csv")
            ?? throw new InvalidOperationException("The shipped calendar is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var file = CalendarCsv.Read(reader.ReadToEnd());
        if (!file.IsValid) throw new InvalidOperationException("The shipped calendar is invalid: " + string.Join(" ", file.Errors));
        return [.. file.Days.OrderBy(d => d.Date)];
    }
}
