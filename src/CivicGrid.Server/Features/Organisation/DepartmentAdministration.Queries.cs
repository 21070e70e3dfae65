using CivicGrid.Domain.Geography;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Features.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Organisation;

/// <summary>What the API and the organisation's administration pages read (no tracking).</summary>
public sealed partial class DepartmentAdministration
{
    /// <summary>The city's departments, active or not, by code.</summary>
    public Task<List<Department>> ListAsync(string cityCode, CancellationToken cancellationToken) =>
        db.Departments.AsNoTracking().Where(d => d.CityCode == cityCode).OrderBy(d => d.Code).ToListAsync(cancellationToken);

    public Task<Department?> GetAsync(string cityCode, int id, CancellationToken cancellationToken) =>
        db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.CityCode == cityCode, cancellationToken);

    /// <summary>Department names in the UI's language.</summary>
    public Task<IReadOnlyDictionary<int, string>> NamesAsync() => CatalogueNames.DepartmentsAsync(db);

    /// <summary>The city's districts, the places a department may serve.</summary>
    public Task<List<AdministrativeUnit>> DistrictsAsync(string cityCode, CancellationToken cancellationToken) =>
        db.AdministrativeUnits.AsNoTracking().Where(u => u.CityCode == cityCode && u.Level == AdministrativeLevel.District)
            .OrderBy(u => u.Code).ToListAsync(cancellationToken);
}
