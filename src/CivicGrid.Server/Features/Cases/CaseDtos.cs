using System.ComponentModel.DataAnnotations;
using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Cases;

namespace CivicGrid.Server.Features.Cases;

/// <summary>A time limit: type (urgent_hour, work_hour, work_day, natural_day), amount and its unit (minute or day),
/// e.g. {"type":"work_hour","amount":240,"unit":"minute"}.</summary>
public sealed record LimitDto(string Type, int Amount, string Unit)
{
    public static LimitDto? From(TimeLimit? limit) => limit is { } l ? new(l.Type.ToCode(), l.Amount, l.Unit) : null;
}

/// <summary>The current stage's deadline. <c>BeyondCalendar</c>: the limit is counted in working time over dates the
/// working calendar does not cover (no holidays known for that year), so the due instant may be wrong.</summary>
public sealed record DeadlineDto(DateTimeOffset? DueAt, DateTimeOffset? YellowAt, string? Light, LimitDto? Limit, bool BeyondCalendar);

/// <summary>The deadline as a history entry recorded it.</summary>
public sealed record HistoryDeadlineDto(DateTimeOffset? DueAt, LimitDto? Limit, bool BeyondCalendar)
{
    public static HistoryDeadlineDto? From(string? text) =>
        DeadlineRecord.Parse(text) is { } record ? new(record.DueAt, LimitDto.From(record.Limit), record.BeyondCalendar) : null;
}

public sealed record ReporterDto(string? Name, string? Phone, string? Email);

/// <summary>A case as staff see it (the reporter's contact included; never shown to the public).</summary>
public sealed record CaseDto(
    long Id, string Number, string Status, string Stage, string Channel, string? Kind, string? TypeCode, string Description,
    string? Address, double Longitude, double Latitude, string? GridCode, string? CommunityCode, string? StreetCode,
    string? DistrictCode, string? ComponentId, int? DepartmentId, bool IsUrgent, string? PendingRequest, string? PendingRequestNote,
    int ReworkCount, int SupervisionCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ClosedAt,
    DeadlineDto Deadline, ReporterDto Reporter, int? CheckInspectorUserId)
{
    /// <summary>The case at <paramref name="now"/>; without a <paramref name="calendar"/> the deadline is not checked against its coverage.</summary>
    public static CaseDto From(Case c, DateTimeOffset now, WorkingCalendar? calendar = null) => new(
        c.Id, c.Number, c.Status.ToString(), c.Stage.ToString(), c.Channel.ToString(), c.Kind?.ToString().ToLowerInvariant(),
        c.TypeCode, c.Description, c.Address, c.Longitude, c.Latitude, c.GridCode, c.CommunityCode, c.StreetCode, c.DistrictCode,
        c.ComponentId, c.DepartmentId, c.IsUrgent, c.PendingRequest?.ToString(), c.PendingRequestNote, c.ReworkCount,
        c.SupervisionCount, c.CreatedAt, c.UpdatedAt, c.ClosedAt,
        new DeadlineDto(c.StageDueAt, c.StageYellowAt, c.LightAt(now)?.ToString().ToLowerInvariant(),
            LimitDto.From(c.StageLimit), calendar is not null && c.DeadlineBeyondCalendar(calendar)),
        new ReporterDto(c.ReporterName, c.ReporterPhone, c.ReporterEmail), c.CheckInspectorUserId);
}

/// <summary>A page of cases; <c>total</c> is exact up to Cases:ListCountCap (10,000), beyond that <c>totalCapped</c> is true and it means "at least".</summary>
public sealed record CasePage(IReadOnlyList<CaseDto> Items, int Page, int PageSize, int Total, bool TotalCapped, string? Next = null);

/// <summary>The actions the caller may take now; for dispatch the department routing suggests (and, in
/// <c>departmentSuggestion</c>, its name and why), for request_check the inspector suggested.</summary>
public sealed record TransitionsDto(string Status, IReadOnlyList<string> Allowed, int? SuggestedDepartmentId, int? SuggestedInspectorUserId = null,
    DepartmentSuggestionDto? DepartmentSuggestion = null);

public sealed record HistoryEntryDto(
    int Sequence, DateTimeOffset At, int? ActorUserId, string ActorName, string ActorRole, string Action, string? FromStatus,
    string ToStatus, string? Note, IReadOnlyList<string> AttachmentIds, HistoryDeadlineDto? Deadline, string? Data, string PreviousHash, string Hash)
{
    public static HistoryEntryDto From(CaseHistoryEntry e) => new(
        e.Sequence, e.At, e.ActorUserId, e.ActorName, e.ActorRole, e.Action, e.FromStatus?.ToString(), e.ToStatus.ToString(), e.Note,
        e.AttachmentIds?.Split(',') ?? [], HistoryDeadlineDto.From(e.Deadline), e.Data, e.PreviousHash, e.Hash);
}

/// <summary>Body of POST /api/v1/cases/{id}/transitions (the note's length is declared here and checked before the
/// handler, ADR 0016; the action and its fields are checked by the handler and the workflow).</summary>
public sealed record TransitionRequest(
    string? Action, [MaxLength(4000, ErrorMessage = "note is at most 4000 characters.")] string? Note, bool? Confirmed, bool? Passed, int? DepartmentId, int? ExtensionAmount,
    string? Kind, string? TypeCode, IReadOnlyList<Guid>? AttachmentIds, int? InspectorUserId = null);

/// <summary>Body of POST /api/v1/cases. Photos are uploaded to the case once it exists (POST /{id}/attachments).</summary>
public sealed record CreateCaseRequest(
    string? Channel, string? Description, double? Latitude, double? Longitude, string? Crs, string? Kind, string? TypeCode,
    string? ComponentId, string? Address, string? ReporterName, string? ReporterPhone, string? ReporterEmail);
