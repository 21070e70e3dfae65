namespace CivicGrid.Domain.Evaluation;

/// <summary>A case-count band: at least <see cref="Min"/> cases (and at most <see cref="Max"/>, null = no limit) score <see cref="Score"/>.</summary>
public sealed record CountBand(int Min, int? Max, double Score);

/// <summary>A grade (A–E) reached from <see cref="MinScore"/> upward (scores are 0–100; the lowest band also takes any score
/// below it). Finite, so that the settings can be answered as JSON.</summary>
public sealed record GradeBand(string Grade, double MinScore);

/// <summary>
/// Weights, case-count bands and grade bands of the evaluation; each city may configure its own (options section
/// <c>Evaluation</c>, see the server's EvaluationOptions). The defaults are those of docs/domain/evaluation.md §8. Weights are
/// fractions; each formula's weights should sum to 1 (a rate with no data in the period is left out and the others are
/// scaled up). <see cref="Satisfaction"/> is the weight of the citizens' satisfaction indicator, 0 until a city turns it on.
/// </summary>
public sealed class EvaluationSettings
{
    public InspectorWeights Inspector { get; set; } = new();
    public IntakeOperatorWeights IntakeOperator { get; set; } = new();
    public ShiftLeadWeights ShiftLead { get; set; } = new();
    public DispatcherWeights Dispatcher { get; set; } = new();
    public DepartmentWeights Department { get; set; } = new();
    public RegionWeights Region { get; set; } = new();
    /// <summary>Weight of satisfaction (average rating ÷ 5) added to every formula that has ratings; 0 = shown but not scored.</summary>
    public double Satisfaction { get; set; }
    /// <summary>The local variant: on-time closure rate = on-time closed ÷ (due − deferred).</summary>
    public bool ExcludeDeferredFromDue { get; set; }

    /// <summary>Operators and dispatchers: more cases is better.</summary>
    public IReadOnlyList<CountBand> StaffCountBands { get; set; } =
    [
        new(2001, null, 100), new(1201, 2000, 90), new(501, 1200, 75), new(301, 500, 60), new(101, 300, 40), new(0, 100, 0),
    ];

    /// <summary>Departments: fewer cases is better.</summary>
    public IReadOnlyList<CountBand> DepartmentCountBands { get; set; } =
    [
        new(0, 50, 100), new(51, 100, 90), new(101, 200, 75), new(201, 500, 60), new(501, 1000, 40), new(1001, null, 0),
    ];

    public IReadOnlyList<GradeBand> Grades { get; set; } =
    [
        new("A", 90), new("B", 75), new("C", 60), new("D", 40), new("E", 0),
    ];

    public static EvaluationSettings Default { get; } = new();
}

public sealed class InspectorWeights
{
    public double ValidReports { get; set; } = 0.40;
    public double NotMissed { get; set; } = 0.20;
    public double OnTimeVerification { get; set; } = 0.20;
    public double OnTimeCheck { get; set; } = 0.20;
}

public sealed class IntakeOperatorWeights
{
    public double CaseCount { get; set; } = 0.25;
    public double OnTimeVerificationDispatch { get; set; } = 0.40;
    public double OnTimeCheckDispatch { get; set; } = 0.35;
}

public sealed class ShiftLeadWeights
{
    public double OnTimeRegistration { get; set; } = 0.25;
    public double AccurateRegistration { get; set; } = 0.40;
    public double OnTimeClosing { get; set; } = 0.35;
}

public sealed class DispatcherWeights
{
    public double CaseCount { get; set; } = 0.20;
    public double OnTimeDispatch { get; set; } = 0.40;
    public double AccurateDispatch { get; set; } = 0.40;
}

public sealed class DepartmentWeights
{
    public double CaseCount { get; set; } = 0.10;
    public double Closure { get; set; } = 0.30;
    public double OnTimeHandling { get; set; } = 0.30;
    public double NoRework { get; set; } = 0.30;
}

/// <summary>docs/domain/evaluation.md §4 lists the region indicators without weights; these defaults score closure and on-time closure
/// equally and show cases per grid and the public-report share as figures (weight 0) until a city weights them.</summary>
public sealed class RegionWeights
{
    public double OnTimeClosure { get; set; } = 0.50;
    public double Closure { get; set; } = 0.50;
    /// <summary>Weight of (1 − public-report share): a region whose problems the inspectors find first scores higher.</summary>
    public double InspectorFound { get; set; }
}
