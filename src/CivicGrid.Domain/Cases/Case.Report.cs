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
    /// <summary>Opens a case from a report (信息收集). Every channel comes through here.</summary>
    public static (Case Case, CaseHistoryEntry Entry) Report(
        string number, string cityCode, ReportDetails report, Actor actor, DateTimeOffset now, WorkflowContext context)
    {
        if (string.IsNullOrWhiteSpace(report.Description))
            throw new WorkflowRefusalException(RefusalKind.Invalid, "description: describe the problem.", [], "description");
        now = WholeMilliseconds(now);
        var @case = new Case
        {
            Number = number, CityCode = cityCode, Channel = report.Channel, Status = CaseStatus.Reported,
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
        return Record(now, actor, actor.UserId is null ? "citizen" : actor.Roles.ToString(), "link_duplicate", Status,
            report.Description, $"channel={report.Channel}");
    }

    internal static DateTimeOffset WholeMilliseconds(DateTimeOffset instant) =>
        DateTimeOffset.FromUnixTimeMilliseconds(instant.ToUnixTimeMilliseconds());
}
