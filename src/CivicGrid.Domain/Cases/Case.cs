using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Catalogue;

namespace CivicGrid.Domain.Cases;

/// <summary>A case (案件): one problem in public space from report to close. State changes only through
/// <see cref="Report"/>, <see cref="Apply"/>, <see cref="LinkDuplicate"/> and <see cref="RaiseOverdue"/>, each of which
/// raises <see cref="Version"/> (a report starts at 0) and returns the history entry of the step, sealed into the case's
/// chain (<see cref="HistoryChain"/>). Every setter is private: EF Core materialises rows through them and the private
/// constructor; nothing outside the aggregate can change a case.</summary>
public sealed partial class Case
{
    private Case() { }

    public long Id { get; private set; }
    /// <summary>Human-readable, unique and sortable within the city, e.g. HK2026112600001.</summary>
    public string Number { get; private set; } = "";
    public string CityCode { get; private set; } = "";
    public CaseChannel Channel { get; private set; }
    public CaseStatus Status { get; private set; }
    public CatalogueKind? Kind { get; private set; }
    public string? TypeCode { get; private set; }
    public string Description { get; private set; } = "";
    public string? Address { get; private set; }
    /// <summary>WGS-84 position (converted on intake from the reporter's coordinate system).</summary>
    public double Longitude { get; private set; }
    public double Latitude { get; private set; }
    public string? GridCode { get; private set; }
    public string? CommunityCode { get; private set; }
    public string? StreetCode { get; private set; }
    public string? DistrictCode { get; private set; }
    public bool IsBuiltUp { get; private set; } = true;
    public string? ComponentId { get; private set; }
    /// <summary>The reporter's contact: staff only, never public.</summary>
    public string? ReporterName { get; private set; }
    public string? ReporterPhone { get; private set; }
    public string? ReporterEmail { get; private set; }
    public int? ReporterUserId { get; private set; }
    public int? DepartmentId { get; private set; }
    public bool IsUrgent { get; private set; }
    public bool? VerificationConfirmed { get; private set; }
    /// <summary>The inspector the last check was sent to (发送核查); null before the first.</summary>
    public int? CheckInspectorUserId { get; private set; }
    public PendingRequestKind? PendingRequest { get; private set; }
    public string? PendingRequestNote { get; private set; }
    public int? PendingExtensionAmount { get; private set; }
    public int ReworkCount { get; private set; }
    public int SupervisionCount { get; private set; }
    public int ExtensionCount { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? RegisteredAt { get; private set; }
    public DateTimeOffset? DispatchedAt { get; private set; }
    public DateTimeOffset? FeedbackAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    // The current stage's clock (时限). Pauses ("from|to;from|" in Unix ms) only ever occur in handling (挂账).
    public DateTimeOffset? StageStartedAt { get; private set; }
    public TimeType? StageTimeType { get; private set; }
    public int? StageLimitAmount { get; private set; }
    public string? StagePauses { get; private set; }
    /// <summary>When the stage's light turns red (null while suspended or in a final state).</summary>
    public DateTimeOffset? StageDueAt { get; private set; }
    /// <summary>When the stage's light turns yellow (80 % of the limit used).</summary>
    public DateTimeOffset? StageYellowAt { get; private set; }
    /// <summary>The overdue alert of the current stage has been raised (once per stage).</summary>
    public bool StageOverdueAlerted { get; private set; }
    /// <summary>Whether handling (dispatch → feedback) finished within its limit; null until feedback.</summary>
    public bool? HandledOnTime { get; private set; }

    public int HistoryCount { get; private set; }
    public string LastHistoryHash { get; private set; } = HistoryChain.Genesis;
    /// <summary>Optimistic concurrency: two steps on the same case cannot both win.</summary>
    public int Version { get; private set; }

    public CaseStage Stage => CaseStages.Of(Status);

    /// <summary>The light at <paramref name="now"/>: null when no clock runs (final states), the frozen light while suspended.</summary>
    public DeadlineLight? LightAt(DateTimeOffset now) => LightAt(now, Status, StageDueAt, StageYellowAt, FrozenLight);

    /// <summary>The same rule for a case read as bare columns (the live map reads only what its markers need).</summary>
    public static DeadlineLight? LightAt(DateTimeOffset now, CaseStatus status, DateTimeOffset? dueAt, DateTimeOffset? yellowAt, DeadlineLight? frozen) =>
        dueAt is null || yellowAt is null
            ? (status == CaseStatus.Suspended ? frozen : null)
            : now > dueAt ? DeadlineLight.Red : now >= yellowAt ? DeadlineLight.Yellow : DeadlineLight.Green;

    /// <summary>The light kept while the clock is paused.</summary>
    public DeadlineLight? FrozenLight { get; private set; }
}
