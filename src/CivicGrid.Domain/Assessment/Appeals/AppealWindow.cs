using CivicGrid.Domain.Calendar;

namespace CivicGrid.Domain.Assessment;

/// <summary>
/// The appeal window (申诉期): a number of working days after publication, counted on the city's
/// <see cref="WorkingCalendar"/> like every work-day limit (<see cref="DeadlineCalculator"/>): it closes at close of
/// business of the working day the days run out on. <see cref="Default"/> (5 working days) is a *default*: no source
/// for the window's length was found. See docs/domain/assessment.md §6.
/// </summary>
public sealed record AppealWindow
{
    /// <summary>Creates a window of at least one working day.</summary>
    public AppealWindow(int workingDays) =>
        WorkingDays = workingDays >= 1 ? workingDays : throw new AssessmentRuleException("workingDays", "The window needs at least one working day.");

    /// <summary>The shipped default: 5 working days (labelled *default*).</summary>
    public static AppealWindow Default { get; } = new(5);

    public int WorkingDays { get; }

    /// <summary>True when the window has the shipped default length, so that pages can label it as a default.</summary>
    public bool IsDefault => WorkingDays == Default.WorkingDays;

    /// <summary>The last instant an appeal may be filed for results published at <paramref name="publishedAt"/>.</summary>
    public DateTimeOffset ClosesAt(DateTimeOffset publishedAt, WorkingCalendar calendar) =>
        new DeadlineCalculator(calendar).Deadline(publishedAt, TimeLimit.WorkDays(WorkingDays));

    /// <summary>True from publication up to and including <see cref="ClosesAt"/>.</summary>
    public bool IsOpen(DateTimeOffset publishedAt, DateTimeOffset at, WorkingCalendar calendar) =>
        at >= publishedAt && at <= ClosesAt(publishedAt, calendar);
}
