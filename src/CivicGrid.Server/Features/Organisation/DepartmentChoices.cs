using CivicGrid.Data;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Platform.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Organisation;

/// <summary>The department picker's choices (issue 18 item 1): active departments grouped by district (city-wide ones
/// first), within a district by trade (the city bureau a team belongs to: its code starts with the bureau's code, e.g.
/// HK-HW-460106 under HK-HW 环卫局), each with its code as search detail and a note when nobody works there.</summary>
public sealed class DepartmentChoices(CivicGridDbContext db, PlaceNames places)
{
    /// <param name="cityWideLabel">The group label of the departments that serve no single district.</param>
    /// <param name="noUsersNote">Added to the name of a department without an active user.</param>
    public async Task<IReadOnlyList<ChoiceGroup>> GroupedAsync(string cityWideLabel, string noUsersNote, CancellationToken cancellationToken)
    {
        var english = Platform.Web.Localisation.UiText.CurrentLanguage == Platform.Web.Localisation.UiText.English;
        var departments = await db.Departments.AsNoTracking().Where(d => d.IsActive).ToListAsync(cancellationToken);
        var staffed = (await db.StaffUsers.AsNoTracking().Where(u => u.IsActive && u.DepartmentId != null)
            .Select(u => u.DepartmentId!.Value).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var bureaus = departments.Where(d => d.Level == DepartmentLevel.CityBureau).ToList();
        var book = await places.GetAsync(cancellationToken);
        string Name(Department d) => english ? d.NameEn : d.Name;
        string Trade(Department d) =>
            bureaus.FirstOrDefault(b => d.Code.StartsWith(b.Code + "-", StringComparison.Ordinal)) is { } bureau ? bureau.Code : "~" + d.Level;
        return departments
            .GroupBy(d => d.DistrictCode)
            .OrderBy(g => g.Key is null ? "" : g.Key, StringComparer.Ordinal)
            .Select(g => new ChoiceGroup(g.Key is null ? cityWideLabel : book.Name(g.Key),
                g.OrderBy(d => d.Level).ThenBy(Trade, StringComparer.Ordinal).ThenBy(d => d.Code, StringComparer.Ordinal)
                    .Select(d => new Choice(d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        staffed.Contains(d.Id) ? Name(d) : $"{Name(d)}（{noUsersNote}）", d.Code)).ToList()))
            .ToList();
    }
}
