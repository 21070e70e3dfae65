using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Catalogue;

namespace CivicGrid.Domain.Cases;

/// <summary>A case (案件): one problem in public space from report to close. State changes only through
/// <see cref="Report"/> and <see cref="Apply"/>, each of which returns the history entry of the step.</summary>
public sealed partial class Case
{
    public long Id { get; set; }
    /// <summary>Human-readable, unique and sortable within the city, e.g. HK2026112600001.</summary>
    public required string Number { get; set; }
    public required string CityCode { get; set; }
    public CaseChannel Channel { get; set; }
    public CaseStatus Status { get; set; }
    public CatalogueKind? Kind { get; set; }
    public string? TypeCode { get; set; }
    public required string Description { get; set; }
    public string? Address { get; set; }
    /// <summary>WGS-84 position (converted on intake from the reporter's coordinate system).</summary>
    public double Longitude { get; set; }
    public double Latitude { get; set; }
    public string? GridCode { get; set; }
    public string? CommunityCode { get; set; }
    public string? StreetCode { get; set; }
    public string? DistrictCode { get; set; }
    public bool IsBuiltUp { get; set; } = true;
    public string? ComponentId { get; set; }
    /// <summary>The reporter's contact: staff only, never public.</summary>
    public string? ReporterName { get; set; }
    public string? ReporterPhone { get; set; }
    public string? ReporterEmail { get; set; }
    public int? ReporterUserId { get; set; }
    public int? DepartmentId { get; set; }
    public bool IsUrgent { get; set; }
    public bool? VerificationConfirmed { get; set; }
    /// <summary>The inspector the last check was sent to (发送核查); null before the first.</summary>
    public int? CheckInspectorUserId { get; set; }
    public PendingRequestKind? PendingRequest { get; set; }
    public string? PendingRequestNote { get; set; }
    public int? PendingExtensionAmount { get; set; }
    public int ReworkCount { get; set; }
    public int SupervisionCount { get; set; }
    public int ExtensionCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? RegisteredAt { get; set; }
    public DateTimeOffset? DispatchedAt { get; set; }
    public DateTimeOffset? FeedbackAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    // The current stage's clock (时限). Pauses ("from|to;from|" in Unix ms) only ever occur in handling (挂账).
    public DateTimeOffset? StageStartedAt { get; set; }
    public TimeType? StageTimeType { get; set; }
    public int? StageLimitAmount { get; set; }
    public string? StagePauses { get; set; }
    /// <summary>When the stage's light turns red (null while suspended or in a final state).</summary>
    public DateTimeOffset? StageDueAt { get; set; }
    /// <summary>When the stage's light turns yellow (80 % of the limit used).</summary>
    public DateTimeOffset? StageYellowAt { get; set; }
    /// <summary>The overdue alert of the current stage has been raised (once per stage).</summary>
    public bool StageOverdueAlerted { get; set; }
    /// <summary>Whether handling (dispatch → feedback) finished within its limit; null until feedback.</summary>
    public bool? HandledOnTime { get; set; }

    public int HistoryCount { get; set; }
    public string LastHistoryHash { get; set; } = HistoryChain.Genesis;
    /// <summary>Optimistic concurrency: two steps on the same case cannot both win.</summary>
    public int Version { get; set; }

    public CaseStage Stage => CaseStages.Of(Status);

    /// <summary>The light at <paramref name="now"/>: null when no clock runs (final states), the frozen light while suspended.</summary>
    public DeadlineLight? LightAt(DateTimeOffset now) =>
        StageDueAt is null || StageYellowAt is null
            ? (Status == CaseStatus.Suspended ? FrozenLight : null)
            : now > StageDueAt ? DeadlineLight.Red : now >= StageYellowAt ? DeadlineLight.Yellow : DeadlineLight.Green;

    /// <summary>The light kept while the clock is paused.</summary>
    public DeadlineLight? FrozenLight { get; set; }
}
