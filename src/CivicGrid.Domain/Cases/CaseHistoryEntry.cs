namespace CivicGrid.Domain.Cases;

/// <summary>One step on record (append-only): who, in which role, when, what, from and to which state, the note,
/// attachments and the deadline as it stood. Entries of a case form a hash chain (<see cref="HistoryChain"/>).</summary>
public sealed class CaseHistoryEntry
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    /// <summary>1, 2, 3 … within the case.</summary>
    public int Sequence { get; set; }
    /// <summary>Whole milliseconds (both providers store it exactly, so the hash re-computes).</summary>
    public DateTimeOffset At { get; set; }
    public int? ActorUserId { get; set; }
    public required string ActorName { get; set; }
    /// <summary>The role the step was taken in (Inspector, Dispatcher …), "citizen" or "system".</summary>
    public required string ActorRole { get; set; }
    /// <summary>The action code: a <see cref="CaseAction"/> in snake_case, or report, link_duplicate, overdue.</summary>
    public required string Action { get; set; }
    public CaseStatus? FromStatus { get; set; }
    public CaseStatus ToStatus { get; set; }
    public string? Note { get; set; }
    /// <summary>Attachment ids, comma-separated.</summary>
    public string? AttachmentIds { get; set; }
    /// <summary>The stage deadline after the step, e.g. "due=2026-11-26T10:30:00.000Z;limit=30 min urgent_hour".</summary>
    public string? Deadline { get; set; }
    /// <summary>Step inputs worth keeping (department, confirmed, passed, extension …) as key=value pairs.</summary>
    public string? Data { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
