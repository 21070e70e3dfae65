using CivicGrid.Domain.Calendar;

namespace CivicGrid.Domain.Assessment;

/// <summary>Where an appeal stands.</summary>
public enum AppealStatus
{
    Pending,
    /// <summary>维持申诉 / 申诉成立: the corrected answer replaces the inspector's.</summary>
    Upheld,
    /// <summary>驳回: the score stands.</summary>
    Rejected,
}

/// <summary>
/// An appeal (申诉) by a subject against one item of its published sheet, filed inside the <see cref="AppealWindow"/>
/// and decided once: upheld with a corrected answer (the sheet is then recalculated, <see cref="AppealRecalculation"/>)
/// or rejected. Immutable: each step returns a new value. See docs/domain/assessment.md §6.
/// </summary>
public sealed record Appeal
{
    private Appeal(string subjectKey, string itemCode, string reason, DateTimeOffset filedAt)
    {
        SubjectKey = subjectKey;
        ItemCode = itemCode;
        Reason = reason;
        FiledAt = filedAt;
    }

    public string SubjectKey { get; }
    public string ItemCode { get; }
    public string Reason { get; }
    public DateTimeOffset FiledAt { get; }
    public AppealStatus Status { get; private init; }

    /// <summary>The answer that replaces the inspector's when upheld.</summary>
    public ItemAnswer? Corrected { get; private init; }
    public string? DecisionNote { get; private init; }
    public DateTimeOffset? DecidedAt { get; private init; }

    /// <summary>Files an appeal; <see cref="AssessmentRuleException"/> on field <c>filedAt</c> outside the window, or a blank field.</summary>
    public static Appeal File(string subjectKey, string itemCode, string reason, DateTimeOffset filedAt,
        DateTimeOffset publishedAt, AppealWindow window, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(calendar);
        Required(subjectKey, "subjectKey");
        Required(itemCode, "itemCode");
        Required(reason, "reason");
        if (filedAt < publishedAt)
        {
            throw new AssessmentRuleException("filedAt", "The results are not published yet.");
        }

        var closes = window.ClosesAt(publishedAt, calendar);
        if (filedAt > closes)
        {
            throw new AssessmentRuleException("filedAt", $"The appeal window closed at {closes:yyyy-MM-dd HH:mm zzz}.");
        }

        return new Appeal(subjectKey, itemCode, reason, filedAt);
    }

    /// <summary>Upholds the appeal with the corrected answer for the same item.</summary>
    public Appeal Uphold(ItemAnswer corrected, string note, DateTimeOffset decidedAt)
    {
        ArgumentNullException.ThrowIfNull(corrected);
        if (corrected.ItemCode != ItemCode)
        {
            throw new AssessmentRuleException("corrected.itemCode", $"The correction must be for item {ItemCode}.");
        }

        return Decide(AppealStatus.Upheld, note, decidedAt) with { Corrected = corrected };
    }

    /// <summary>Rejects the appeal; the score stands.</summary>
    public Appeal Reject(string note, DateTimeOffset decidedAt) => Decide(AppealStatus.Rejected, note, decidedAt);

    private Appeal Decide(AppealStatus status, string note, DateTimeOffset decidedAt)
    {
        if (Status != AppealStatus.Pending)
        {
            throw new AssessmentRuleException("status", $"The appeal is already {Status.ToString().ToLowerInvariant()}.");
        }

        Required(note, "decisionNote");
        if (decidedAt < FiledAt)
        {
            throw new AssessmentRuleException("decidedAt", "A decision cannot precede the appeal.");
        }

        return this with { Status = status, DecisionNote = note, DecidedAt = decidedAt };
    }

    private static void Required(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new AssessmentRuleException(field, "Required.");
        }
    }
}
