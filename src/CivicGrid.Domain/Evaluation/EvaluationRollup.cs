namespace CivicGrid.Domain.Evaluation;

/// <summary>How long a roll-up bucket is. Month buckets let a year be read as 12 rows per subject; day buckets cover the
/// partial months at the ends of a custom period.</summary>
public enum EvaluationBucketKind { Day, Month }

/// <summary>The counters of one subject over one day or month (in the city's local time), within one district. Kept up to
/// date by every case step (in the step's transaction) and rebuilt from the history on demand. The district is part of
/// the key so that a district-scoped user can be shown only their district's share of a department or position.</summary>
public sealed class EvaluationRollup : EvaluationCounts
{
    public EvaluationBucketKind BucketKind { get; set; }
    /// <summary>The first day of the bucket as yyyymmdd (a month bucket: yyyymm01).</summary>
    public int BucketStart { get; set; }
    public EvaluationSubjectKind SubjectKind { get; set; }
    /// <summary>Division or grid code, department id or staff user id.</summary>
    public required string SubjectKey { get; set; }
    /// <summary>The district of the cases counted here ("" when the case has none).</summary>
    public required string DistrictCode { get; set; }

    public static int DayNumber(DateOnly day) => day.Year * 10000 + day.Month * 100 + day.Day;

    public static DateOnly FromDayNumber(int number) => new(number / 10000, number / 100 % 100, number % 100);

    public static int MonthNumber(DateOnly day) => day.Year * 10000 + day.Month * 100 + 1;
}
