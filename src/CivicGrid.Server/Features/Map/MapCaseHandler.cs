using System.Globalization;
using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Server.Features.Cases;
using CivicGrid.Server.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using CivicGrid.Server.Platform.Errors;

namespace CivicGrid.Server.Features.Map;

/// <summary>GET /api/v1/map/cases: the cases of the viewport within the caller's data scope (<see cref="CaseScope"/>),
/// filtered like the case list (light and department through <see cref="CaseQuery"/>). Open cases are few, so this is
/// one range query on the case table, newest first, cut at <see cref="MapOptions.MaxCases"/>.</summary>
public static class MapCaseHandler
{
    /// <summary>Every state but the final ones, as a list: an IN (…) on the indexed status column.</summary>
    private static readonly CaseStatus[] Open = Enum.GetValues<CaseStatus>().Where(s => !CaseStages.IsTerminal(s)).ToArray();

    public static async Task<Results<Ok<MapCases>, ValidationProblem>> Handle(
        string? bbox, string? status, string? types, string? department, string? light,
        StaffPrincipal who, CivicGridDbContext db, CaseNaming naming, TimeProvider time, IOptions<MapOptions> options,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var maxCases = options.Value.MaxCases;
        var errors = new FieldErrors();
        var viewport = MapViewport.Parse(bbox, errors);
        var typeCodes = MapViewport.ParseTypes(types, errors);
        var openOnly = status?.ToLowerInvariant() switch
        {
            null or "" or "open" => true,
            "all" => false,
            _ => Invalid(errors, "status", "status must be open or all."),
        };
        int? departmentId = null;
        if (!string.IsNullOrWhiteSpace(department))
        {
            if (int.TryParse(department, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) departmentId = id;
            else errors.Add("department", "department must be a department id (a whole number).");
        }
        var filter = new CaseQuery(Status: null, Stage: null, Kind: null, Type: null, District: null, Street: null, Grid: null,
            Department: departmentId, Light: light, Channel: null, CreatedFrom: null, CreatedTo: null, Q: null, Page: null, PageSize: null, Sort: null);
        var cases = filter.Apply(db.Cases.AsNoTracking().Within(who.Scope), now, errors);
        errors.ThrowIfAny();

        var (minLon, minLat, maxLon, maxLat) = viewport!.Value;
        cases = cases.Where(c => c.Longitude >= minLon && c.Longitude <= maxLon && c.Latitude >= minLat && c.Latitude <= maxLat);
        if (openOnly) cases = cases.Where(c => Open.Contains(c.Status));
        if (typeCodes is not null)
        {
            var list = typeCodes.ToList();
            cases = cases.Where(c => c.TypeCode != null && list.Contains(c.TypeCode));
        }
        // Only what the marker and its popup need; the light comes from the domain's own rule, the names from memory.
        var rows = await cases.Select(c => new
        {
            c.Id, c.Number, c.Status, c.Kind, c.TypeCode, c.Longitude, c.Latitude, c.DepartmentId, c.IsUrgent, c.CreatedAt,
            c.StageDueAt, c.StageYellowAt, c.FrozenLight, c.DistrictCode, c.StreetCode, c.CommunityCode,
        }).Take(maxCases + 1).ToListAsync(cancellationToken);
        var names = await naming.GetAsync(cancellationToken);
        var shown = rows.Take(maxCases).Select(c => new MapCase(c.Id, c.Number, c.Status, c.TypeCode,
            Case.LightAt(now, c.Status, c.StageDueAt, c.StageYellowAt, c.FrozenLight)?.ToString().ToLowerInvariant(),
            c.Longitude, c.Latitude, c.DepartmentId, c.IsUrgent, c.CreatedAt, c.Kind,
            names.Type(c.Kind, c.TypeCode), names.Place(c.DistrictCode, c.StreetCode, c.CommunityCode), names.Department(c.DepartmentId),
            CaseStages.IsTerminal(c.Status) ? null : c.StageDueAt)).ToList();
        return TypedResults.Ok(new MapCases(shown.Count, rows.Count > maxCases, shown));
    }

    private static bool Invalid(FieldErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return true;
    }
}
