using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Server.Features.Organisation;

/// <summary>Administrators keep their city's departments on the internal API (the staff UI's administration pages
/// call the same <see cref="DepartmentAdministration"/>). There is no delete: isActive=false deactivates.</summary>
public static class DepartmentEndpoints
{
    public static IEndpointRouteBuilder MapDepartmentEndpoints(this IEndpointRouteBuilder app)
    {
        var departments = app.MapGroup("/api/v1/departments").WithTags("Departments").RequireStaff(Roles.Administrator);
        departments.MapGet("/", List).WithName("ListDepartments").WithSummary("The administrator's city's departments, active or not.");
        departments.MapGet("/{id:int}", Get).WithName("GetDepartment").WithSummary("One department of the administrator's city.");
        departments.MapPost("/", Add).WithName("AddDepartment")
            .WithSummary("Adds a department: {code, name, nameEn, level, kinds: [..], parentId, districtCode}. 409 when the code exists.");
        departments.MapPut("/{id:int}", Update).WithName("UpdateDepartment")
            .WithSummary("Replaces a department's fields; isActive=false deactivates it (departments are never deleted; an omitted isActive is kept).");
        return app;
    }

    public sealed record DepartmentDto(int Id, string Code, string Name, string NameEn, string Level, IReadOnlyList<string> Kinds,
        int? ParentId, string? DistrictCode, bool IsActive)
    {
        public static DepartmentDto From(Department d) => new(d.Id, d.Code, d.Name, d.NameEn, d.Level.ToString(),
            Enum.GetValues<DepartmentKinds>().Where(k => k != DepartmentKinds.None && d.Kinds.HasFlag(k)).Select(k => k.ToString()).ToList(),
            d.ParentId, d.DistrictCode, d.IsActive);
    }

    private static async Task<Ok<List<DepartmentDto>>> List(StaffPrincipal who, DepartmentAdministration departments, CancellationToken cancellationToken) =>
        TypedResults.Ok((await departments.ListAsync(who.CityCode, cancellationToken)).Select(DepartmentDto.From).ToList());

    private static async Task<Results<Ok<DepartmentDto>, ProblemHttpResult>> Get(int id, StaffPrincipal who, DepartmentAdministration departments,
        CancellationToken cancellationToken)
    {
        var department = await departments.GetAsync(who.CityCode, id, cancellationToken);
        return department is null
            ? AccessCheck.NotFound($"department {id}")
            : TypedResults.Ok(DepartmentDto.From(department));
    }

    private static async Task<Results<Created<DepartmentDto>, ValidationProblem, ProblemHttpResult>> Add(
        DepartmentChange? body, StaffPrincipal who, DepartmentAdministration departments, CancellationToken cancellationToken)
    {
        var result = await departments.AddAsync(who.CityCode, body ?? Empty, who.UserName, cancellationToken);
        return result.ToCreated(DepartmentDto.From, d => $"/api/v1/departments/{d.Id}");
    }

    private static async Task<Results<Ok<DepartmentDto>, ValidationProblem, ProblemHttpResult>> Update(
        int id, DepartmentChange? body, StaffPrincipal who, DepartmentAdministration departments, CancellationToken cancellationToken) =>
        (await departments.UpdateAsync(who.CityCode, id, body ?? Empty, who.UserName, cancellationToken)).ToHttp(DepartmentDto.From);

    private static readonly DepartmentChange Empty = new(null, null, null, null, null, null, null, null);
}
