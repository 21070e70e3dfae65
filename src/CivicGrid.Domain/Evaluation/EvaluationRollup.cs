namespace CivicGrid.Domain.Evaluation;

/// <summary>How long a roll-up bucket is. Every step counts in its day, month, quarter and year: a year, a quarter or a
/// month is then read as one row per subject, and a custom period as whole years + whole quarters + whole months + loose
/// days. (Stored by name: the numeric order is not persisted.)</summary>
public enum EvaluationBucketKind { Day, Month, Quarter, Year }

/// <summary>The counters of one subject over one day, month, quarter or year (in the city's local time), within one district. Kept up to
/// date by every case step (in the step's transaction) and rebuilt from the history on demand. The district is part of
/// the key so that a district-scoped user can be shown only their district's share of a department or position.</summary>
public sealed class EvaluationRollup : EvaluationCounts
{
    public EvaluationBucketKind BucketKind { get; set; }
    /// <summary>The first day of the bucket as yyyymmdd (a month bucket: yyyymm01, a year: yyyy0101).</summary>
    public int BucketStart { get; set; }
    public EvaluationSubjectKind SubjectKind { get; set; }
    /// <summary>Division or grid code, department id or staff user id.</summary>
    public required string SubjectKey { get; set; }
    /// <summary>The district of the cases counted here ("" when the case has none).</summary>
    public required string DistrictCode { get; set; }

    public static int DayNumber(DateOnly day) => day.Year * 10000 + day.Month * 100 + day.Day;

    public static DateOnly FromDayNumber(int number) => new(number / 10000, number / 100 % 100, number % 100);

    public static int MonthNumber(DateOnly day) => day.Year * 10000 + day.Month * 100 + 1;

    /// <summary>The first day of the day's quarter as yyyymmdd (yyyy0101, yyyy0401, yyyy0701, yyyy1001).</summary>
    public static int QuarterNumber(DateOnly day) => day.Year * 10000 + ((day.Month - 1) / 3 * 3 + 1) * 100 + 1;

    public static int YearNumber(DateOnly day) => day.Year * 10000 + 101;

    /// <summary>The start of the bucket of the given kind that holds <paramref name="day"/>.</summary>
    public static int StartOf(EvaluationBucketKind kind, DateOnly day) => kind switch
    {
        EvaluationBucketKind.Day => DayNumber(day),
        EvaluationBucketKind.Month => MonthNumber(day),
        EvaluationBucketKind.Quarter => QuarterNumber(day),
        _ => YearNumber(day),
    };
}
