using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Catalogue;

namespace CivicGrid.Domain.Cases;

/// <summary>What the workflow needs to know besides the case: the working calendar, the step limits, and the case
/// standard (立结案标准) of the case's type, if it has one.</summary>
public sealed record WorkflowContext(WorkingCalendar Calendar, WorkflowTimeLimits Limits, CaseStandard? Standard);
