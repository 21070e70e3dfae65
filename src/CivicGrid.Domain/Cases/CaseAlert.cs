namespace CivicGrid.Domain.Cases;

/// <summary>An alert raised on a case, e.g. a stage that ran past its deadline (超时预警). Raised once per stage.</summary>
public sealed class CaseAlert
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public required string CaseNumber { get; set; }
    /// <summary>"overdue".</summary>
    public required string Kind { get; set; }
    public CaseStatus Status { get; set; }
    public int? DepartmentId { get; set; }
    public string? DistrictCode { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
}
