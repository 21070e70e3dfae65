using System.Globalization;

namespace CivicGrid.Domain.Evaluation;

/// <summary>How one step's counters are written down: for the case's places, its channel and type, a person, the
/// department in charge (docs/domain/evaluation.md §2).</summary>
public sealed partial class CaseTrail
{
    /// <summary>The increments of one step, dated at the step unless said otherwise.</summary>
    private sealed class StepCounts(CaseFacts facts, DateTimeOffset at, string? actor)
    {
        private readonly string _district = facts.DistrictCode ?? "";

        public List<EvaluationIncrement> Increments { get; } = [];

        /// <summary>The case's district, street, community and grid.</summary>
        public void Regions(EvaluationMeasure measure, DateTimeOffset? dated = null)
        {
            var when = dated ?? at;
            if (facts.DistrictCode is { } d) Add(when, EvaluationSubjectKind.District, d, measure);
            if (facts.StreetCode is { } s) Add(when, EvaluationSubjectKind.Street, s, measure);
            if (facts.CommunityCode is { } c) Add(when, EvaluationSubjectKind.Community, c, measure);
            if (facts.GridCode is { } g) Add(when, EvaluationSubjectKind.Grid, g, measure);
        }

        /// <summary>The case's channel and (when <paramref name="byType"/>) its type.</summary>
        public void Breakdown(EvaluationMeasure measure, bool byType)
        {
            Add(at, EvaluationSubjectKind.Channel, facts.Channel.ToString(), measure);
            if (byType && facts.TypeKey is { } t) Add(at, EvaluationSubjectKind.CaseType, t, measure);
        }

        /// <summary>The case's type, counted as reported at <paramref name="reportedAt"/>.</summary>
        public void TypeReported(DateTimeOffset reportedAt)
        {
            if (facts.TypeKey is { } t) Add(reportedAt, EvaluationSubjectKind.CaseType, t, EvaluationMeasure.Reported);
        }

        public void Person(EvaluationSubjectKind kind, int? userId, EvaluationMeasure measure, bool when = true)
        {
            if (when && userId is { } id) Add(at, kind, id.ToString(CultureInfo.InvariantCulture), measure);
        }

        /// <summary>The user who took the step, in the position <paramref name="kind"/>.</summary>
        public void Actor(EvaluationSubjectKind kind, EvaluationMeasure measure, bool when = true)
        {
            if (when && actor is not null) Add(at, kind, actor, measure);
        }

        public void Department(int? department, EvaluationMeasure measure, bool when = true, DateTimeOffset? dated = null)
        {
            if (when && department is { } id) Add(dated ?? at, EvaluationSubjectKind.Department, id.ToString(CultureInfo.InvariantCulture), measure);
        }

        private void Add(DateTimeOffset when, EvaluationSubjectKind kind, string subject, EvaluationMeasure measure) =>
            Increments.Add(new(when, kind, subject, _district, measure));
    }

    // A report counts under its type in the period it was reported in, but the type is only settled when the report
    // leaves intake (registered, rejected or voided: classifying is allowed before only), so it is counted then, dated
    // at the report. Counting it at the report itself would credit the reporter's first guess, which the history
    // does not keep, and the full recomputation could not agree with the incremental roll-ups.
    private void TypeReported(StepCounts c)
    {
        if (_typeReportCounted || _reportedAt is not { } reportedAt || facts.TypeKey is null) return;
        _typeReportCounted = true;
        c.TypeReported(reportedAt);
    }

    // The open handling stage is decided: it counts as due at its deadline (the one in force before this step), for the
    // case's place and the department in charge, once per stage.
    private void HandlingDue(StepCounts c, bool handledOnTime, DateTimeOffset at)
    {
        if (!_handlingOpen || _handlingDecided) return;
        _handlingDecided = true;
        var dueAt = _dueInForce ?? at;
        void Count(EvaluationMeasure measure)
        {
            c.Regions(measure, dueAt);
            c.Department(_department, measure, dated: dueAt);
        }
        Count(EvaluationMeasure.Due);
        if (handledOnTime) Count(EvaluationMeasure.DueOnTime);
        if (_deferred) Count(EvaluationMeasure.DueDeferred);
        if (_deferred && handledOnTime) Count(EvaluationMeasure.DueDeferredOnTime);
    }
}
