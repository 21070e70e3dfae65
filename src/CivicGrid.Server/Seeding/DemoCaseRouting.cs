using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Organisation;

namespace CivicGrid.Server.Seeding;

/// <summary>The rule of <see cref="Cases.DispatchRouting"/> over departments held in memory (the demo history routes
/// hundreds of thousands of cases; one query per case would dominate the seeding). Demo cases name no component, so
/// the component rules fall back to the case's district as the live rule does.</summary>
internal sealed class DemoCaseRouting(IReadOnlyList<Department> departments)
{
    private readonly Dictionary<int, Department> _byId = departments.ToDictionary(d => d.Id);
    private readonly ILookup<string?, Department> _byDistrict = departments.Where(d => d.IsActive).ToLookup(d => d.DistrictCode);

    public string NameOf(int departmentId) => _byId[departmentId].Name;

    public bool IsEnforcement(int departmentId) =>
        _byId[departmentId].Code.StartsWith(DemoDepartments.Enforcement, StringComparison.Ordinal)
        || _byId[departmentId].Code == DemoDepartments.CityPolice;

    /// <summary>The department routing suggests; null when the dispatcher must choose.</summary>
    public int? Suggest(CaseStandard standard, string? districtCode) => standard.DepartmentRule switch
    {
        HandlingDepartmentRule.FixedDepartment => standard.DepartmentId,
        HandlingDepartmentRule.DispatcherChoice => null,
        _ => LocalUnit(standard, districtCode) ?? standard.DepartmentId,
    };

    /// <summary>The dispatcher's own choice of a handling unit of the district (else a city-wide one), other than
    /// <paramref name="except"/>: where routing has no answer, and the wrong first choice of a case that the department
    /// then returns (回退).</summary>
    public int Choose(string? districtCode, Random random, int? except = null)
    {
        var candidates = _byDistrict[districtCode].Where(d => d.Id != except && d.Kinds.HasFlag(DepartmentKinds.HandlingUnit)).ToList();
        if (candidates.Count == 0) candidates = _byDistrict[null].Where(d => d.Id != except && d.Kinds.HasFlag(DepartmentKinds.HandlingUnit)).ToList();
        return candidates[random.Next(candidates.Count)].Id;
    }

    private int? LocalUnit(CaseStandard standard, string? districtCode)
    {
        if (districtCode is null) return null;
        var local = _byDistrict[districtCode];
        var bureauCode = standard.DepartmentId is { } id && _byId.TryGetValue(id, out var bureau) ? bureau.Code : null;
        var team = local.FirstOrDefault(d => d.ParentId == standard.DepartmentId
                                            || (bureauCode is not null && d.Code.StartsWith(bureauCode + "-", StringComparison.Ordinal)));
        return team?.Id ?? local.Where(d => d.Level == DepartmentLevel.DistrictBureau && d.Kinds.HasFlag(DepartmentKinds.HandlingUnit))
            .Select(d => (int?)d.Id).FirstOrDefault();
    }
}
