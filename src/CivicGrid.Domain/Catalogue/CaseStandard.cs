using CivicGrid.Domain.Calendar;

namespace CivicGrid.Domain.Catalogue;

/// <summary>The registration and closing standard (立结案标准) of one catalogue type: when a report may be
/// registered, when the case may be closed, who handles it by default and how long handling may take.</summary>
public sealed class CaseStandard
{
    public int Id { get; set; }
    public CatalogueKind Kind { get; set; }
    public required string TypeCode { get; set; }
    /// <summary>立案条件, e.g. "井盖缺失、破损、移位".</summary>
    public required string RegistrationCondition { get; set; }
    /// <summary>结案条件, e.g. "井盖归位或更换完好".</summary>
    public required string ClosingCondition { get; set; }
    public HandlingDepartmentRule DepartmentRule { get; set; }
    public int? DepartmentId { get; set; }
    public TimeType TimeType { get; set; }
    /// <summary>Minutes for the hour time types, days for the day time types.</summary>
    public int TimeLimitAmount { get; set; }
    /// <summary>Urgent cases are registered and dispatched within the shorter limit (10 min instead of 30).</summary>
    public bool IsUrgent { get; set; }
}
