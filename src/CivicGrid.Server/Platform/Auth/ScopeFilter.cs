using System.Linq.Expressions;
using CivicGrid.Domain.Organisation;

namespace CivicGrid.Server.Platform.Auth;

/// <summary>Restricts a query to a user's data scope (docs/domain/users-and-roles.md §3): city → everything; district → the district
/// selector equals the scope's code; street → the street selector equals it; department → the department selector
/// equals the scope's department (what was dispatched to it). The comparison runs in the database, parameterised.
/// A scope that names no code, or a selector the resource does not have (pass null), matches nothing: deny by default.</summary>
public static class ScopeFilter
{
    public static IQueryable<T> Apply<T>(
        IQueryable<T> query,
        DataScope scope,
        Expression<Func<T, string?>>? district,
        Expression<Func<T, string?>>? street,
        Expression<Func<T, int?>>? department)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Kind switch
        {
            DataScopeKind.City => query,
            DataScopeKind.District when district is not null && scope.DivisionCode is { } code => query.Where(Equal(district, code)),
            DataScopeKind.Street when street is not null && scope.DivisionCode is { } code => query.Where(Equal(street, code)),
            DataScopeKind.Department when department is not null && scope.DepartmentId is { } id => query.Where(Equal(department, (int?)id)),
            _ => query.Where(_ => false),
        };
    }

    /// <summary>The same rule for one object already in memory.</summary>
    public static bool Covers(DataScope scope, string? districtCode, string? streetCode, int? departmentId) => scope.Kind switch
    {
        DataScopeKind.City => true,
        DataScopeKind.District => scope.DivisionCode is not null && string.Equals(districtCode, scope.DivisionCode, StringComparison.Ordinal),
        DataScopeKind.Street => scope.DivisionCode is not null && string.Equals(streetCode, scope.DivisionCode, StringComparison.Ordinal),
        DataScopeKind.Department => scope.DepartmentId is not null && departmentId == scope.DepartmentId,
        _ => false,
    };

    // selector(x) == value, with the value as a closure member so that EF Core sends it as a parameter.
    private static Expression<Func<T, bool>> Equal<T, TValue>(Expression<Func<T, TValue>> selector, TValue value)
    {
        var holder = new ValueHolder<TValue>(value);
        var parameter = Expression.Property(Expression.Constant(holder), nameof(ValueHolder<TValue>.Value));
        return Expression.Lambda<Func<T, bool>>(Expression.Equal(selector.Body, parameter), selector.Parameters);
    }

    private sealed class ValueHolder<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }
}
