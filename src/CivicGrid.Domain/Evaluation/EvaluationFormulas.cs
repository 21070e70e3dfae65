namespace CivicGrid.Domain.Evaluation;

/// <summary>Citizens' satisfaction for a subject: how many ratings and their average (1–5). Supplied by the ratings
/// feature when it exists (see ISatisfactionSource in the server); absent = no satisfaction indicator.</summary>
public sealed record SatisfactionFigure(int Ratings, double Average);

/// <summary>
/// The indicator formulas of docs/domain/evaluation.md §4 (GB/T 30428.4 style), as pure functions of a subject's counters over a period.
/// Every rate is clamped to [0, 1] (events of one period may finish cases of the previous one).
/// </summary>
public static class EvaluationFormulas
{
    /// <summary>Scores one subject. For an inspector, <paramref name="counts"/>.Registered and .PublicRegistered are those of
    /// the unit grids of the inspector's responsibility grids (for the missed-report rate). For a region,
    /// <paramref name="gridCount"/> is the number of unit grids in it (cases per grid).</summary>
    public static Scorecard Score(EvaluationSubjectKind kind, EvaluationCounts counts, EvaluationSettings settings,
        int gridCount = 0, SatisfactionFigure? satisfaction = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(settings);
        var indicators = kind switch
        {
            EvaluationSubjectKind.Inspector => Inspector(counts, settings.Inspector),
            EvaluationSubjectKind.IntakeOperator => IntakeOperator(counts, settings),
            EvaluationSubjectKind.ShiftLead => ShiftLead(counts, settings.ShiftLead),
            EvaluationSubjectKind.Dispatcher => Dispatcher(counts, settings),
            EvaluationSubjectKind.Department => Department(counts, settings),
            _ => Region(counts, settings, gridCount),
        };
        // With ratings the figure is always shown; it moves the score only when the city gives it a weight.
        if (satisfaction is { Ratings: > 0 } s)
        {
            indicators.Add(new Indicator("satisfaction", Math.Clamp(s.Average / 5, 0, 1), settings.Satisfaction, s.Average, 5));
        }
        var score = Combine(indicators);
        return new Scorecard(score, score is { } value ? GradeOf(value, settings) : null, indicators);
    }

    /// <summary>valid report rate × 40 % + (1 − missed-report rate) × 20 % + on-time verification × 20 % + on-time check × 20 %;
    /// missed-report rate = cases first reported by the public ÷ registered cases in the inspector's grids.</summary>
    public static List<Indicator> Inspector(EvaluationCounts c, InspectorWeights w) =>
    [
        Indicator.Rate("validReportRate", c.ValidReports, c.Reported, w.ValidReports),
        Indicator.Complement("notMissedRate", c.PublicRegistered, c.Registered, w.NotMissed),
        Indicator.Rate("onTimeVerificationRate", c.VerificationsOnTime, c.Verifications, w.OnTimeVerification),
        Indicator.Rate("onTimeCheckRate", c.ChecksOnTime, c.Checks, w.OnTimeCheck),
    ];

    /// <summary>case-count score × 25 % + on-time verification dispatch × 40 % + on-time check dispatch × 35 %; a dispatch
    /// (发送核实, 发送核查) is on time when it is sent within its stage's limit (docs/domain/evaluation.md §4).</summary>
    public static List<Indicator> IntakeOperator(EvaluationCounts c, EvaluationSettings s) =>
    [
        CaseCount("caseCountScore", c.IntakeHandled, s.StaffCountBands, s.IntakeOperator.CaseCount),
        Indicator.Rate("onTimeVerificationDispatchRate", c.VerificationRequestsOnTime, c.VerificationRequests, s.IntakeOperator.OnTimeVerificationDispatch),
        Indicator.Rate("onTimeCheckDispatchRate", c.CheckRequestsOnTime, c.CheckRequests, s.IntakeOperator.OnTimeCheckDispatch),
    ];

    /// <summary>on-time registration × 25 % + accurate registration × 40 % + on-time closing × 35 %;
    /// accurate = (registered − voided) ÷ registered.</summary>
    public static List<Indicator> ShiftLead(EvaluationCounts c, ShiftLeadWeights w) =>
    [
        Indicator.Rate("onTimeRegistrationRate", c.RegisteredOnTime, c.Registered, w.OnTimeRegistration),
        Indicator.Complement("accurateRegistrationRate", c.Voided, c.Registered, w.AccurateRegistration),
        Indicator.Rate("onTimeClosingRate", c.ClosedOnTime, c.Closed, w.OnTimeClosing),
    ];

    /// <summary>case-count score × 20 % + on-time dispatch × 40 % + accurate dispatch × 40 %; accurate = 1 − returned ÷ dispatched.</summary>
    public static List<Indicator> Dispatcher(EvaluationCounts c, EvaluationSettings s) =>
    [
        CaseCount("caseCountScore", c.Dispatches, s.StaffCountBands, s.Dispatcher.CaseCount),
        Indicator.Rate("onTimeDispatchRate", c.DispatchesOnTime, c.Dispatches, s.Dispatcher.OnTimeDispatch),
        Indicator.Complement("accurateDispatchRate", c.DispatchesReturned, c.Dispatches, s.Dispatcher.AccurateDispatch),
    ];

    /// <summary>case-count score × 10 % (fewer is better) + closure rate × 30 % + on-time handling × 30 % + (1 − rework rate) × 30 %;
    /// closure = closed ÷ received, on-time handling = handling stages due in the period and fed back by their deadline ÷ those
    /// due, fed back or not (<see cref="EvaluationMeasure.Due"/>), rework rate = reworks ÷ feedbacks.</summary>
    public static List<Indicator> Department(EvaluationCounts c, EvaluationSettings s) =>
    [
        CaseCount("caseCountScore", c.Received, s.DepartmentCountBands, s.Department.CaseCount),
        Indicator.Rate("closureRate", c.Closed, c.Received, s.Department.Closure),
        Indicator.Rate("onTimeHandlingRate", c.DueOnTime, c.Due, s.Department.OnTimeHandling),
        Indicator.Complement("noReworkRate", c.Reworks, c.Feedbacks, s.Department.NoRework),
    ];

    /// <summary>cases per grid and public-report share (figures), inspector-found share = (reported − public) ÷ reported,
    /// on-time closure rate = handling stages due in the period and fed back by their deadline ÷ those due, closed or not
    /// (<see cref="EvaluationMeasure.Due"/>; the local variant takes the deferred cases out of both), closure rate = closed ÷ registered.</summary>
    public static List<Indicator> Region(EvaluationCounts c, EvaluationSettings s, int gridCount)
    {
        var (onTime, due) = s.ExcludeDeferredFromDue
            ? (c.DueOnTime - c.DueDeferredOnTime, c.Due - c.DueDeferred)
            : (c.DueOnTime, c.Due);
        return
        [
            Indicator.Figure("casesPerGrid", c.Registered, gridCount),
            Indicator.Figure("publicReportShare", c.PublicReported, c.Reported),
            Indicator.Complement("inspectorFoundShare", c.PublicReported, c.Reported, s.Region.InspectorFound),
            Indicator.Rate("onTimeClosureRate", onTime, due, s.Region.OnTimeClosure),
            Indicator.Rate("closureRate", c.Closed, c.Registered, s.Region.Closure),
        ];
    }

    /// <summary>The band score of the case count as a fraction: numerator = the band score, denominator = 100 (the count
    /// itself is in the subject's counters).</summary>
    public static Indicator CaseCount(string code, int count, IReadOnlyList<CountBand> bands, double weight) =>
        new(code, BandScore(count, bands) / 100, weight, BandScore(count, bands), 100);

    /// <summary>The band score of a case count (0 when no band matches).</summary>
    public static double BandScore(int count, IReadOnlyList<CountBand> bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        for (var i = 0; i < bands.Count; i++)
        {
            var b = bands[i];
            if (count >= b.Min && (b.Max is null || count <= b.Max)) return b.Score;
        }
        return 0;
    }

    /// <summary>Σ weight × value ÷ Σ weight over the indicators that have a value and a weight, × 100; null when none has.</summary>
    public static double? Combine(IEnumerable<Indicator> indicators)
    {
        double sum = 0, weights = 0;
        foreach (var i in indicators)
        {
            if (i.Value is not { } value || i.Weight <= 0) continue;
            sum += value * i.Weight;
            weights += i.Weight;
        }
        return weights > 0 ? Math.Round(sum / weights * 100, 2) : null;
    }

    /// <summary>The grade of the highest band the score reaches (the first of equal bands); a score below every band gets
    /// the lowest band. A loop, not a sort: a table of 40,000 grids grades 40,000 scores.</summary>
    public static string GradeOf(double score, EvaluationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        GradeBand? best = null, lowest = null;
        foreach (var g in settings.Grades)
        {
            if (score >= g.MinScore && (best is null || g.MinScore > best.MinScore)) best = g;
            if (lowest is null || g.MinScore < lowest.MinScore) lowest = g;
        }
        return (best ?? lowest)?.Grade ?? throw new InvalidOperationException("No grade bands are configured.");
    }
}
