namespace CivicGrid.Domain.Evaluation;

/// <summary>What is evaluated (docs/domain/evaluation.md §1): four kinds of region, departments and four positions. Regions are keyed by
/// their division or grid code, departments by id, positions by the staff user's id.</summary>
public enum EvaluationSubjectKind
{
    District,
    Street,
    Community,
    Grid,
    Department,
    Inspector,
    IntakeOperator,
    ShiftLead,
    Dispatcher,
    /// <summary>Breakdown only (not scored): the case type, keyed "Kind:TypeCode"; counts reported (once the type is settled,
    /// dated at the report), registered and closed cases.</summary>
    CaseType,
    /// <summary>Breakdown only (not scored): the channel a case came in by; counts reported, registered and closed cases.</summary>
    Channel,
}

public static class EvaluationSubjectKinds
{
    public static IReadOnlyList<EvaluationSubjectKind> Regions { get; } =
        [EvaluationSubjectKind.District, EvaluationSubjectKind.Street, EvaluationSubjectKind.Community, EvaluationSubjectKind.Grid];

    public static IReadOnlyList<EvaluationSubjectKind> Positions { get; } =
        [EvaluationSubjectKind.Inspector, EvaluationSubjectKind.IntakeOperator, EvaluationSubjectKind.ShiftLead, EvaluationSubjectKind.Dispatcher];

    public static bool IsRegion(this EvaluationSubjectKind kind) => kind <= EvaluationSubjectKind.Grid;

    public static bool IsPosition(this EvaluationSubjectKind kind) => kind is >= EvaluationSubjectKind.Inspector and <= EvaluationSubjectKind.Dispatcher;

    private static readonly EvaluationMeasure[] RegionMeasures =
    [
        EvaluationMeasure.Reported, EvaluationMeasure.PublicReported, EvaluationMeasure.Registered, EvaluationMeasure.PublicRegistered, EvaluationMeasure.Voided,
        EvaluationMeasure.Closed, EvaluationMeasure.ClosedOnTime, EvaluationMeasure.ClosedDeferred, EvaluationMeasure.ClosedDeferredOnTime,
        EvaluationMeasure.Due, EvaluationMeasure.DueOnTime, EvaluationMeasure.DueDeferred, EvaluationMeasure.DueDeferredOnTime,
    ];

    /// <summary>The counters <see cref="CaseTrail"/> moves for a subject of this kind; the others stay zero on its roll-up
    /// rows, so a table reads only these columns (a year of 40,000 grids is then 13 columns per row, not 31). A test checks
    /// every stored row against this list: extend it when the trail counts something new for a kind.</summary>
    public static IReadOnlyList<EvaluationMeasure> Measures(this EvaluationSubjectKind kind) => kind switch
    {
        _ when kind.IsRegion() => RegionMeasures,
        EvaluationSubjectKind.Department =>
        [
            EvaluationMeasure.Received, EvaluationMeasure.Feedbacks, EvaluationMeasure.FeedbacksOnTime, EvaluationMeasure.Reworks,
            EvaluationMeasure.Closed, EvaluationMeasure.ClosedOnTime, EvaluationMeasure.ClosedDeferred, EvaluationMeasure.ClosedDeferredOnTime,
            EvaluationMeasure.Due, EvaluationMeasure.DueOnTime, EvaluationMeasure.DueDeferred, EvaluationMeasure.DueDeferredOnTime,
        ],
        EvaluationSubjectKind.Inspector =>
        [
            EvaluationMeasure.Reported, EvaluationMeasure.ValidReports, EvaluationMeasure.Verifications, EvaluationMeasure.VerificationsOnTime,
            EvaluationMeasure.Checks, EvaluationMeasure.ChecksOnTime,
        ],
        EvaluationSubjectKind.IntakeOperator =>
        [
            EvaluationMeasure.IntakeHandled, EvaluationMeasure.VerificationRequests, EvaluationMeasure.VerificationRequestsOnTime,
            EvaluationMeasure.CheckRequests, EvaluationMeasure.CheckRequestsOnTime,
        ],
        EvaluationSubjectKind.ShiftLead =>
            [EvaluationMeasure.Registered, EvaluationMeasure.RegisteredOnTime, EvaluationMeasure.Voided, EvaluationMeasure.Closed, EvaluationMeasure.ClosedOnTime],
        EvaluationSubjectKind.Dispatcher => [EvaluationMeasure.Dispatches, EvaluationMeasure.DispatchesOnTime, EvaluationMeasure.DispatchesReturned],
        EvaluationSubjectKind.CaseType => [EvaluationMeasure.Reported, EvaluationMeasure.Registered, EvaluationMeasure.Closed, EvaluationMeasure.ClosedOnTime],
        EvaluationSubjectKind.Channel => [EvaluationMeasure.Reported, EvaluationMeasure.Registered, EvaluationMeasure.Closed, EvaluationMeasure.ClosedOnTime],
        _ => EvaluationMeasures.All,
    };

    /// <summary>The kinds that have a score and a ranking.</summary>
    public static bool IsEvaluated(this EvaluationSubjectKind kind) => kind <= EvaluationSubjectKind.Dispatcher;

    /// <summary>kebab-case name used by the API (intake-operator, shift-lead …).</summary>
    public static string ToCode(this EvaluationSubjectKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static bool TryParse(string? code, out EvaluationSubjectKind kind)
    {
        foreach (var k in Enum.GetValues<EvaluationSubjectKind>())
        {
            if (string.Equals(k.ToCode(), code, StringComparison.OrdinalIgnoreCase) || string.Equals(k.ToString(), code, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
