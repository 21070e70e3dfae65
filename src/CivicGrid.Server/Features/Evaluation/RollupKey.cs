using CivicGrid.Domain.Evaluation;

namespace CivicGrid.Server.Features.Evaluation;

/// <summary>The key of one roll-up row.</summary>
internal readonly record struct RollupKey(EvaluationSubjectKind Kind, EvaluationBucketKind Bucket, int Start, string Subject, string District)
{
    private static readonly EvaluationBucketKind[] BucketKinds = Enum.GetValues<EvaluationBucketKind>();

    /// <summary>Adds the increments to per-row counters: each one counts in its day, month, quarter and year (city time).</summary>
    public static void Accumulate(Dictionary<RollupKey, EvaluationRollup> rows, IEnumerable<EvaluationIncrement> increments, TimeZoneInfo zone)
    {
        foreach (var i in increments)
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(i.At, zone).DateTime);
            foreach (var bucket in BucketKinds)
            {
                var key = new RollupKey(i.SubjectKind, bucket, EvaluationRollup.StartOf(bucket, day), i.SubjectKey, i.DistrictCode);
                if (!rows.TryGetValue(key, out var row))
                {
                    row = new EvaluationRollup
                    {
                        SubjectKind = key.Kind, BucketKind = key.Bucket, BucketStart = key.Start, SubjectKey = key.Subject, DistrictCode = key.District,
                    };
                    rows.Add(key, row);
                }
                row.Add(i.Measure, 1);
            }
        }
    }
}
