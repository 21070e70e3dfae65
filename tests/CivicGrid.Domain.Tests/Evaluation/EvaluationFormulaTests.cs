using CivicGrid.Domain.Evaluation;

namespace CivicGrid.Domain.Tests.Evaluation;

/// <summary>Every formula of docs/domain/evaluation.md §4 on hand-computed figures.</summary>
public sealed class EvaluationFormulaTests
{
    private static readonly EvaluationSettings Defaults = new();

    [Fact]
    public void Inspector_ValidReports40_NotMissed20_OnTimeVerification20_OnTimeCheck20()
    {
        // valid 45/50 = .9; missed 20/100 → .8; verification 9/10 = .9; check 20/20 = 1 → .36 + .16 + .18 + .20 = .90
        var counts = new EvaluationCounts { Reported = 50, ValidReports = 45, Registered = 100, PublicRegistered = 20, Verifications = 10, VerificationsOnTime = 9, Checks = 20, ChecksOnTime = 20 };
        var card = EvaluationFormulas.Score(EvaluationSubjectKind.Inspector, counts, Defaults);
        Assert.Equal(90.0, card.Score);
        Assert.Equal("A", card.Grade); // exactly on the A boundary
        Assert.Equal(0.8, card.Indicators.Single(i => i.Code == "notMissedRate").Value!.Value, 6);
    }

    [Fact]
    public void IntakeOperator_CaseCountBand25_OnTimeVerificationDispatch40_OnTimeCheckDispatch35()
    {
        // 1500 cases → band 90; 80/100 verification dispatches on time; 30/40 check dispatches on time
        // → .25×.9 + .4×.8 + .35×.75 = .8075: every weight counts, none is spread over the others.
        var counts = new EvaluationCounts
        {
            IntakeHandled = 1500, VerificationRequests = 100, VerificationRequestsOnTime = 80, CheckRequests = 40, CheckRequestsOnTime = 30,
        };
        var card = EvaluationFormulas.Score(EvaluationSubjectKind.IntakeOperator, counts, Defaults);
        Assert.Equal(80.75, card.Score);
        var check = card.Indicators.Single(i => i.Code == "onTimeCheckDispatchRate");
        Assert.Equal((0.75, 30, 40), (check.Value, check.Numerator, check.Denominator));
    }

    [Fact]
    public void ShiftLead_OnTimeRegistration25_Accurate40_OnTimeClosing35()
    {
        // 180/200 = .9; (200 − 10)/200 = .95; 95/100 = .95 → .225 + .38 + .3325 = .9375
        var counts = new EvaluationCounts { Registered = 200, RegisteredOnTime = 180, Voided = 10, Closed = 100, ClosedOnTime = 95 };
        var card = EvaluationFormulas.Score(EvaluationSubjectKind.ShiftLead, counts, Defaults);
        Assert.Equal(93.75, card.Score);
        Assert.Equal("A", card.Grade);
    }

    [Fact]
    public void Dispatcher_CaseCount20_OnTime40_Accurate40()
    {
        // 300 dispatches → band 40; 270/300 = .9; 1 − 30/300 = .9 → .08 + .36 + .36 = .80
        var counts = new EvaluationCounts { Dispatches = 300, DispatchesOnTime = 270, DispatchesReturned = 30 };
        var card = EvaluationFormulas.Score(EvaluationSubjectKind.Dispatcher, counts, Defaults);
        Assert.Equal(80.0, card.Score);
        Assert.Equal("B", card.Grade);
    }

    [Fact]
    public void Department_FewerCasesScoreHigher_Closure_OnTimeHandling_NoRework()
    {
        // 80 received → band 90; closed 60/80 = .75; on time 40 of 50 due (fed back or not; 45 fed back, 44 of them on time)
        // = .8; rework 5/50 feedbacks → .9 → .09 + .225 + .24 + .27 = .825
        var counts = new EvaluationCounts { Received = 80, Closed = 60, Due = 50, DueOnTime = 40, Feedbacks = 50, FeedbacksOnTime = 44, Reworks = 5 };
        var card = EvaluationFormulas.Score(EvaluationSubjectKind.Department, counts, Defaults);
        Assert.Equal(82.5, card.Score);
        Assert.Equal("B", card.Grade);
    }

    [Fact]
    public void Region_OnTimeClosureOverDue_Closure_CasesPerGrid_PublicShare_AndTheDeferredVariant()
    {
        // due 40, closed or not (30 on time; 10 deferred of which 4 on time); closed 40 of which 35 on time (closings are not
        // what the on-time rate divides by); registered 50; reported 60 (15 public); 25 grids
        var counts = new EvaluationCounts
        {
            Reported = 60, PublicReported = 15, Registered = 50, Closed = 40, ClosedOnTime = 35, Due = 40, DueOnTime = 30, DueDeferred = 10, DueDeferredOnTime = 4,
        };
        var card = EvaluationFormulas.Score(EvaluationSubjectKind.District, counts, Defaults, gridCount: 25);
        Assert.Equal(2.0, Value(card, "casesPerGrid"));
        Assert.Equal(0.25, Value(card, "publicReportShare"));
        var found = card.Indicators.Single(i => i.Code == "inspectorFoundShare");
        Assert.Equal((0.75, 45, 60), (found.Value, found.Numerator, found.Denominator)); // (60 − 15) ÷ 60
        Assert.Equal(0.75, Value(card, "onTimeClosureRate"));
        Assert.Equal(0.8, Value(card, "closureRate"));
        Assert.Equal(77.5, card.Score); // .5 × .75 + .5 × .8

        // local variant: (30 − 4) ÷ (40 − 10) = .8666…
        var variant = EvaluationFormulas.Score(EvaluationSubjectKind.District, counts, new EvaluationSettings { ExcludeDeferredFromDue = true }, 25);
        Assert.Equal(26.0 / 30, Value(variant, "onTimeClosureRate"), 9);
    }

    [Theory]
    [InlineData(2001, 100)]
    [InlineData(2000, 90)]
    [InlineData(1201, 90)]
    [InlineData(1200, 75)]
    [InlineData(501, 75)]
    [InlineData(500, 60)]
    [InlineData(301, 60)]
    [InlineData(300, 40)]
    [InlineData(101, 40)]
    [InlineData(100, 0)]
    [InlineData(0, 0)]
    public void StaffCaseCountBands(int count, double score) =>
        Assert.Equal(score, EvaluationFormulas.BandScore(count, Defaults.StaffCountBands));

    [Theory]
    [InlineData(0, 100)]
    [InlineData(50, 100)]
    [InlineData(51, 90)]
    [InlineData(100, 90)]
    [InlineData(200, 75)]
    [InlineData(500, 60)]
    [InlineData(1000, 40)]
    [InlineData(1001, 0)]
    public void DepartmentCaseCountBands_FewerIsBetter(int count, double score) =>
        Assert.Equal(score, EvaluationFormulas.BandScore(count, Defaults.DepartmentCountBands));

    [Theory]
    [InlineData(100, "A")]
    [InlineData(90, "A")]
    [InlineData(89.99, "B")]
    [InlineData(75, "B")]
    [InlineData(74.99, "C")]
    [InlineData(60, "C")]
    [InlineData(59.99, "D")]
    [InlineData(40, "D")]
    [InlineData(39.99, "E")]
    [InlineData(0, "E")]
    public void Grades(double score, string grade) => Assert.Equal(grade, EvaluationFormulas.GradeOf(score, Defaults));

    [Fact]
    public void WeightsAreConfigurable_AndSatisfactionPlugsIn()
    {
        var settings = new EvaluationSettings { Satisfaction = 0.5 };
        settings.Dispatcher.CaseCount = 0;
        var counts = new EvaluationCounts { Dispatches = 10, DispatchesOnTime = 5, DispatchesReturned = 0 };
        // (.4 × .5 + .4 × 1 + .5 × (4/5)) ÷ 1.3 = (.2 + .4 + .4) ÷ 1.3 = .769230…
        var card = EvaluationFormulas.Score(EvaluationSubjectKind.Dispatcher, counts, settings, satisfaction: new SatisfactionFigure(3, 4));
        Assert.Equal(76.92, card.Score);
        // Weight 0 (the default): the figure is shown, the score is that of the formula alone, (.4 × .5 + .4 × 1) ÷ .8.
        var unweighted = EvaluationFormulas.Score(EvaluationSubjectKind.Dispatcher, counts, new EvaluationSettings { Dispatcher = { CaseCount = 0 } },
            satisfaction: new SatisfactionFigure(3, 4));
        Assert.Equal(75, unweighted.Score);
        Assert.Equal(0.8, Value(unweighted, "satisfaction"));
    }

    [Fact]
    public void NoDataAtAll_NoScoreNoGrade_AndRatesAreClampedToOne()
    {
        Assert.Null(EvaluationFormulas.Score(EvaluationSubjectKind.ShiftLead, new EvaluationCounts(), Defaults).Score);
        // a period's registrations of cases reported the period before can exceed its reports
        var card = EvaluationFormulas.Score(EvaluationSubjectKind.Inspector, new EvaluationCounts { Reported = 2, ValidReports = 3 }, Defaults);
        Assert.Equal(1.0, Value(card, "validReportRate"));
    }

    [Fact]
    public void Ranking_HighestFirst_TiesShareARank_NoScoreIsUnranked()
    {
        static (string, string, Scorecard, EvaluationCounts) S(string key, double? score) => (key, key, new Scorecard(score, null, []), new EvaluationCounts());
        var ranked = EvaluationRanking.Rank([S("a", 70), S("b", 90), S("c", 70), S("d", null), S("e", 50)]);
        Assert.Equal(["b", "a", "c", "e", "d"], ranked.Select(r => r.Key));
        Assert.Equal([1, 2, 2, 4, null], ranked.Select(r => r.Rank));
    }

    private static double Value(Scorecard card, string code) => card.Indicators.Single(i => i.Code == code).Value!.Value;

    [Fact]
    public void EveryIndicatorsValue_IsItsNumeratorOverItsDenominator_EvenWhenARateIsCappedAtOne()
    {
        // More closed than registered (cases of an earlier period), more returns than dispatches: the rate stays within 0..1
        // and the numerator shown is what the value is the quotient of.
        var counts = new EvaluationCounts
        {
            Reported = 10, PublicReported = 4, Registered = 5, PublicRegistered = 2, Closed = 8, ClosedOnTime = 6, Due = 7, DueOnTime = 6, Voided = 1,
            ValidReports = 3, Verifications = 2, VerificationsOnTime = 1, Checks = 4, ChecksOnTime = 4, IntakeHandled = 150,
            VerificationRequests = 3, VerificationRequestsOnTime = 2, CheckRequests = 4, CheckRequestsOnTime = 3, Dispatches = 2, DispatchesOnTime = 2, DispatchesReturned = 3, Received = 6,
            Feedbacks = 5, FeedbacksOnTime = 4, Reworks = 1, RegisteredOnTime = 5,
        };
        foreach (var kind in Enum.GetValues<EvaluationSubjectKind>().Where(k => k.IsEvaluated()))
        {
            foreach (var i in EvaluationFormulas.Score(kind, counts, Defaults, gridCount: 3, new SatisfactionFigure(2, 4.5)).Indicators.Where(i => i.Value is not null))
            {
                Assert.True(Math.Abs(i.Value!.Value - i.Numerator / i.Denominator) < 1e-12, $"{kind} {i.Code}: {i.Value} ≠ {i.Numerator} / {i.Denominator}");
            }
        }
        var closure = EvaluationFormulas.Region(counts, Defaults, 3).Single(i => i.Code == "closureRate");
        Assert.Equal((1.0, 5, 5), (closure.Value, closure.Numerator, closure.Denominator));
        var accurate = EvaluationFormulas.Dispatcher(counts, Defaults).Single(i => i.Code == "accurateDispatchRate");
        Assert.Equal((0.0, 0, 2), (accurate.Value, accurate.Numerator, accurate.Denominator));
    }

    [Fact]
    public void TheDefaultGradeBands_AreFinite_AndTheLowestTakesAnyScoreBelowIt()
    {
        Assert.All(Defaults.Grades, g => Assert.True(double.IsFinite(g.MinScore)));
        Assert.Equal("E", EvaluationFormulas.GradeOf(0, Defaults));
        Assert.Equal("E", EvaluationFormulas.GradeOf(-5, Defaults));
    }
}
