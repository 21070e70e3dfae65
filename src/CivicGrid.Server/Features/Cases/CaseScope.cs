using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Organisation;

namespace CivicGrid.Server.Features.Cases;

/// <summary>The cases a data scope may see: the whole city, one district, one street, or what was dispatched to one
/// department. Out-of-scope cases are answered as if they did not exist (404).</summary>
public static class CaseScope
{
    public static IQueryable<Case> Within(this IQueryable<Case> cases, DataScope scope) => scope.Kind switch
    {
        DataScopeKind.City => cases,
        DataScopeKind.District => cases.Where(c => c.DistrictCode == scope.DivisionCode),
        DataScopeKind.Street => cases.Where(c => c.StreetCode == scope.DivisionCode),
        DataScopeKind.Department => cases.Where(c => c.DepartmentId != null && c.DepartmentId == scope.DepartmentId),
        _ => cases.Where(_ => false),
    };
}

/// <summary>The signed-in member of staff as the case feature needs them: the workflow actor and the data scope.</summary>
public sealed record StaffContext(Actor Actor, DataScope Scope);
