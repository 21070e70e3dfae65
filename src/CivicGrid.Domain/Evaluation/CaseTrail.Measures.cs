using System.Globalization;

namespace CivicGrid.Domain.Evaluation;

/// <summary>What the trail knows about actions and measures without a case: which actions count, which actions can
/// move a measure, and how a history entry's deadline and data texts are read.</summary>
public sealed partial class CaseTrail
{
    private static bool Is(string role, string name) =>
        role.Split(',', StringSplitOptions.TrimEntries).Contains(name, StringComparer.Ordinal);

    /// <summary>Actions that move no counter (link_duplicate, classify, accept …): observers skip them.</summary>
    public static bool Counts(string action) => action is "report" or "request_verification" or "verify" or "register" or "reject"
        or "void" or "dispatch" or "approve_request" or "feedback" or "request_check" or "check" or "rework" or "close" or "overdue";

    /// <summary>The history actions that can move <paramref name="measure"/> (for the drill-down to the cases behind a figure).</summary>
    public static IReadOnlyList<string> ActionsOf(EvaluationMeasure measure) => measure switch
    {
        EvaluationMeasure.Reported or EvaluationMeasure.PublicReported => ["report"],
        EvaluationMeasure.Registered or EvaluationMeasure.PublicRegistered or EvaluationMeasure.RegisteredOnTime or EvaluationMeasure.ValidReports => ["register"],
        EvaluationMeasure.Voided => ["void"],
        EvaluationMeasure.Closed or EvaluationMeasure.ClosedOnTime or EvaluationMeasure.ClosedDeferred or EvaluationMeasure.ClosedDeferredOnTime => ["close"],
        EvaluationMeasure.Verifications or EvaluationMeasure.VerificationsOnTime => ["verify"],
        EvaluationMeasure.Checks or EvaluationMeasure.ChecksOnTime => ["check"],
        EvaluationMeasure.IntakeHandled => ["request_verification", "register", "reject"],
        EvaluationMeasure.VerificationRequests or EvaluationMeasure.VerificationRequestsOnTime => ["request_verification"],
        EvaluationMeasure.CheckRequests or EvaluationMeasure.CheckRequestsOnTime => ["request_check"],
        EvaluationMeasure.Dispatches or EvaluationMeasure.DispatchesOnTime or EvaluationMeasure.Received => ["dispatch"],
        EvaluationMeasure.DispatchesReturned => ["approve_request"],
        EvaluationMeasure.Feedbacks or EvaluationMeasure.FeedbacksOnTime => ["feedback"],
        EvaluationMeasure.Reworks => ["rework"],
        EvaluationMeasure.Due or EvaluationMeasure.DueOnTime or EvaluationMeasure.DueDeferred or EvaluationMeasure.DueDeferredOnTime => ["feedback", "overdue"],
        _ => [],
    };

    /// <summary>Measures dated at a deadline rather than at the step that moves them (<see cref="EvaluationMeasure.Due"/> …):
    /// the step may come before the period (fed back early) or after it (late).</summary>
    public static bool DatedAtDeadline(EvaluationMeasure measure) =>
        measure is EvaluationMeasure.Due or EvaluationMeasure.DueOnTime or EvaluationMeasure.DueDeferred or EvaluationMeasure.DueDeferredOnTime;

    /// <summary>The "due=…" part of a history entry's deadline text.</summary>
    public static DateTimeOffset? Due(string? deadline)
    {
        if (deadline is null || !deadline.StartsWith("due=", StringComparison.Ordinal)) return null;
        var end = deadline.IndexOf(';', StringComparison.Ordinal);
        var text = end < 0 ? deadline[4..] : deadline[4..end];
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var due) ? due : null;
    }

    private static string? DataText(string? data, string key)
    {
        if (data is null) return null;
        foreach (var part in data.Split(';'))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part.AsSpan(0, eq).SequenceEqual(key)) return part[(eq + 1)..];
        }
        return null;
    }

    private static int? DataInt(string? data, string key) =>
        int.TryParse(DataText(data, key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
