namespace CivicGrid.Domain.Cases;

public sealed partial class Case
{
    /// <summary>Marks the current stage overdue if its deadline has passed and no alert was raised for it yet;
    /// returns the history entry and alert, or null when there is nothing to raise.</summary>
    public (CaseHistoryEntry Entry, CaseAlert Alert)? RaiseOverdue(DateTimeOffset now)
    {
        if (StageOverdueAlerted || StageDueAt is not { } due || now <= due) return null;
        now = WholeMilliseconds(now);
        StageOverdueAlerted = true;
        Version++;
        var entry = Record(now, Actor.System, "system", "overdue", Status, null, $"stage={Stage}");
        var alert = new CaseAlert
        {
            CaseId = Id, CaseNumber = Number, Kind = "overdue", Status = Status, DepartmentId = DepartmentId,
            DistrictCode = DistrictCode, DueAt = due, RaisedAt = now,
        };
        return (entry, alert);
    }
}
