namespace CivicGrid.Domain.Evaluation;

/// <summary>One set of <see cref="EvaluationMeasure"/> counters: the figures of one subject over one bucket or period.</summary>
public class EvaluationCounts
{
    public int Reported { get; set; }
    public int PublicReported { get; set; }
    public int Registered { get; set; }
    public int PublicRegistered { get; set; }
    public int RegisteredOnTime { get; set; }
    public int Voided { get; set; }
    public int Closed { get; set; }
    public int ClosedOnTime { get; set; }
    public int ClosedDeferred { get; set; }
    public int ClosedDeferredOnTime { get; set; }
    public int ValidReports { get; set; }
    public int Verifications { get; set; }
    public int VerificationsOnTime { get; set; }
    public int Checks { get; set; }
    public int ChecksOnTime { get; set; }
    public int IntakeHandled { get; set; }
    public int VerificationRequests { get; set; }
    public int VerificationRequestsOnTime { get; set; }
    public int Dispatches { get; set; }
    public int DispatchesOnTime { get; set; }
    public int DispatchesReturned { get; set; }
    public int Received { get; set; }
    public int Feedbacks { get; set; }
    public int FeedbacksOnTime { get; set; }
    public int Reworks { get; set; }
    public int Due { get; set; }
    public int DueOnTime { get; set; }
    public int DueDeferred { get; set; }
    public int DueDeferredOnTime { get; set; }
    public int CheckRequests { get; set; }
    public int CheckRequestsOnTime { get; set; }

    public int Get(EvaluationMeasure measure) => measure switch
    {
        EvaluationMeasure.Reported => Reported,
        EvaluationMeasure.PublicReported => PublicReported,
        EvaluationMeasure.Registered => Registered,
        EvaluationMeasure.PublicRegistered => PublicRegistered,
        EvaluationMeasure.RegisteredOnTime => RegisteredOnTime,
        EvaluationMeasure.Voided => Voided,
        EvaluationMeasure.Closed => Closed,
        EvaluationMeasure.ClosedOnTime => ClosedOnTime,
        EvaluationMeasure.ClosedDeferred => ClosedDeferred,
        EvaluationMeasure.ClosedDeferredOnTime => ClosedDeferredOnTime,
        EvaluationMeasure.ValidReports => ValidReports,
        EvaluationMeasure.Verifications => Verifications,
        EvaluationMeasure.VerificationsOnTime => VerificationsOnTime,
        EvaluationMeasure.Checks => Checks,
        EvaluationMeasure.ChecksOnTime => ChecksOnTime,
        EvaluationMeasure.IntakeHandled => IntakeHandled,
        EvaluationMeasure.VerificationRequests => VerificationRequests,
        EvaluationMeasure.VerificationRequestsOnTime => VerificationRequestsOnTime,
        EvaluationMeasure.Dispatches => Dispatches,
        EvaluationMeasure.DispatchesOnTime => DispatchesOnTime,
        EvaluationMeasure.DispatchesReturned => DispatchesReturned,
        EvaluationMeasure.Received => Received,
        EvaluationMeasure.Feedbacks => Feedbacks,
        EvaluationMeasure.FeedbacksOnTime => FeedbacksOnTime,
        EvaluationMeasure.Reworks => Reworks,
        EvaluationMeasure.Due => Due,
        EvaluationMeasure.DueOnTime => DueOnTime,
        EvaluationMeasure.DueDeferred => DueDeferred,
        EvaluationMeasure.DueDeferredOnTime => DueDeferredOnTime,
        EvaluationMeasure.CheckRequests => CheckRequests,
        EvaluationMeasure.CheckRequestsOnTime => CheckRequestsOnTime,
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
    };

    public void Add(EvaluationMeasure measure, int delta)
    {
        switch (measure)
        {
            case EvaluationMeasure.Reported: Reported += delta; break;
            case EvaluationMeasure.PublicReported: PublicReported += delta; break;
            case EvaluationMeasure.Registered: Registered += delta; break;
            case EvaluationMeasure.PublicRegistered: PublicRegistered += delta; break;
            case EvaluationMeasure.RegisteredOnTime: RegisteredOnTime += delta; break;
            case EvaluationMeasure.Voided: Voided += delta; break;
            case EvaluationMeasure.Closed: Closed += delta; break;
            case EvaluationMeasure.ClosedOnTime: ClosedOnTime += delta; break;
            case EvaluationMeasure.ClosedDeferred: ClosedDeferred += delta; break;
            case EvaluationMeasure.ClosedDeferredOnTime: ClosedDeferredOnTime += delta; break;
            case EvaluationMeasure.ValidReports: ValidReports += delta; break;
            case EvaluationMeasure.Verifications: Verifications += delta; break;
            case EvaluationMeasure.VerificationsOnTime: VerificationsOnTime += delta; break;
            case EvaluationMeasure.Checks: Checks += delta; break;
            case EvaluationMeasure.ChecksOnTime: ChecksOnTime += delta; break;
            case EvaluationMeasure.IntakeHandled: IntakeHandled += delta; break;
            case EvaluationMeasure.VerificationRequests: VerificationRequests += delta; break;
            case EvaluationMeasure.VerificationRequestsOnTime: VerificationRequestsOnTime += delta; break;
            case EvaluationMeasure.Dispatches: Dispatches += delta; break;
            case EvaluationMeasure.DispatchesOnTime: DispatchesOnTime += delta; break;
            case EvaluationMeasure.DispatchesReturned: DispatchesReturned += delta; break;
            case EvaluationMeasure.Received: Received += delta; break;
            case EvaluationMeasure.Feedbacks: Feedbacks += delta; break;
            case EvaluationMeasure.FeedbacksOnTime: FeedbacksOnTime += delta; break;
            case EvaluationMeasure.Reworks: Reworks += delta; break;
            case EvaluationMeasure.Due: Due += delta; break;
            case EvaluationMeasure.DueOnTime: DueOnTime += delta; break;
            case EvaluationMeasure.DueDeferred: DueDeferred += delta; break;
            case EvaluationMeasure.DueDeferredOnTime: DueDeferredOnTime += delta; break;
            case EvaluationMeasure.CheckRequests: CheckRequests += delta; break;
            case EvaluationMeasure.CheckRequestsOnTime: CheckRequestsOnTime += delta; break;
            default: throw new ArgumentOutOfRangeException(nameof(measure), measure, null);
        }
    }

    /// <summary>Adds every counter of <paramref name="other"/> to this one.</summary>
    public void AddAll(EvaluationCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var measure in EvaluationMeasures.All) Add(measure, other.Get(measure));
    }

    public bool SameAs(EvaluationCounts other) => EvaluationMeasures.All.All(m => Get(m) == other.Get(m));

    public bool IsEmpty => EvaluationMeasures.All.All(m => Get(m) == 0);
}

public static class EvaluationMeasures
{
    public static IReadOnlyList<EvaluationMeasure> All { get; } = Enum.GetValues<EvaluationMeasure>();
}
