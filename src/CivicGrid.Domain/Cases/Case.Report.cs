using CivicGrid.Domain.Catalogue;

namespace CivicGrid.Domain.Cases;

/// <summary>What a channel delivers: the facts of a report, already located (WGS-84 and its grid chain).</summary>
public sealed record ReportDetails(
    CaseChannel Channel, string Description, double Longitude, double Latitude,
    string? GridCode, string? CommunityCode, string? StreetCode, string? DistrictCode, bool IsBuiltUp,
    CatalogueKind? Kind = null, string? TypeCode = null, string? ComponentId = null, string? Address = null,
    string? ReporterName = null, string? ReporterPhone = null, string? ReporterEmail = null);

public sealed partial class Case
{
    /// <summary>Opens a case from a report (信息收集). Every channel comes through here. With the case's
    /// <paramref name="id"/> known (reserved by a bulk writer, or a demo plan's), the report entry comes back sealed; with
    /// 0 the store assigns the id and the caller then seals the entry with <see cref="SealReport"/>.</summary>
    public static (Case Case, CaseHistoryEntry Entry) Report(
        string number, string cityCode, ReportDetails report, Actor actor, DateTimeOffset now, WorkflowContext context, long id = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        if (string.IsNullOrWhiteSpace(report.Description))
            throw new WorkflowRefusalException(RefusalKind.Invalid, "description: describe the problem.", [], "description");
        now = WholeMilliseconds(now);
        var @case = new Case
        {
            Id = id, Number = number, CityCode = cityCode, Channel = report.Channel, Status = CaseStatus.Reported,
            Kind = report.Kind, TypeCode = report.TypeCode, Description = report.Description.Trim(), Address = report.Address,
            Longitude = report.Longitude, Latitude = report.Latitude, GridCode = report.GridCode,
            CommunityCode = report.CommunityCode, StreetCode = report.StreetCode, DistrictCode = report.DistrictCode,
            IsBuiltUp = report.IsBuiltUp, ComponentId = report.ComponentId,
            ReporterName = report.ReporterName, ReporterPhone = report.ReporterPhone, ReporterEmail = report.ReporterEmail,
            ReporterUserId = actor.UserId, CreatedAt = now, UpdatedAt = now,
        };
        @case.StartStage(now, context.Limits.Accept, context.Calendar);
        var role = actor.UserId is null ? (actor == Actor.System ? "system" : "citizen") : actor.Roles.ToString();
        var entry = @case.Record(now, actor, role, "report", null, null, $"channel={report.Channel}", calendar: context.Calendar);
        return (@case, entry);
    }

    /// <summary>A later report of the same problem (duplicate) is put on record on this case.</summary>
    public CaseHistoryEntry LinkDuplicate(ReportDetails report, Actor actor, DateTimeOffset now)
    {
        now = WholeMilliseconds(now);
        UpdatedAt = now;
        Version++;
        return Record(now, actor, actor.UserId is null ? "citizen" : actor.Roles.ToString(), "link_duplicate", Status,
            report.Description, $"channel={report.Channel}");
    }

    /// <summary>Seals the report entry of a case whose id the store has just assigned (the entry was made before the id
    /// existed, so its hash could not be computed yet). Refuses any other entry, and one sealed already.</summary>
    public void SealReport(CaseHistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (Id == 0) throw new InvalidOperationException("The case has no id yet: store it first.");
        if (entry.Sequence != 1 || HistoryCount != 1 || entry.Hash.Length != 0 || entry.PreviousHash != HistoryChain.Genesis)
            throw new InvalidOperationException("Only the unsealed report entry of a new case is sealed after the fact.");
        Seal(entry);
    }

    internal static DateTimeOffset WholeMilliseconds(DateTimeOffset instant) =>
        DateTimeOffset.FromUnixTimeMilliseconds(instant.ToUnixTimeMilliseconds());
}
