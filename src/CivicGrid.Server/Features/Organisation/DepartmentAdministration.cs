using CivicGrid.Data;
using CivicGrid.Domain.Geography;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Features.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Organisation;

/// <summary>A department as an administrator enters it (the whole department: a save replaces every field except
/// the active flag, which a null keeps). Level: a <see cref="DepartmentLevel"/> name; kinds: <see cref="DepartmentKinds"/> names.</summary>
public sealed record DepartmentChange(string? Code, string? Name, string? NameEn, string? Level, IReadOnlyList<string>? Kinds,
    int? ParentId, string? DistrictCode, bool? IsActive);

/// <summary>Administrators keep their city's departments: add one, correct its code, names, level, kinds, parent and
/// district, and deactivate it. Cases, users, rules and components refer to departments, so they are deactivated,
/// never deleted (an inactive department gets no new dispatches). One code path for the staff UI and the internal
/// API; every committed change is announced through <see cref="ReferenceDataChanges"/>.</summary>
public sealed partial class DepartmentAdministration(CivicGridDbContext db, ReferenceDataChanges changes, ILogger<DepartmentAdministration> logger)
{
    public async Task<ReferenceDataResult<Department>> AddAsync(string cityCode, DepartmentChange change, string admin, CancellationToken cancellationToken)
    {
        var department = new Department { Code = "", Name = "", NameEn = "", CityCode = cityCode };
        return await SaveAsync(department, change, admin, cancellationToken);
    }

    public async Task<ReferenceDataResult<Department>> UpdateAsync(string cityCode, int id, DepartmentChange change, string admin,
        CancellationToken cancellationToken)
    {
        var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == id && d.CityCode == cityCode, cancellationToken);
        return department is null ? ReferenceDataResult.NotFound<Department>() : await SaveAsync(department, change, admin, cancellationToken);
    }

    private async Task<ReferenceDataResult<Department>> SaveAsync(Department department, DepartmentChange change, string admin,
        CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        var code = change.Code?.Trim();
        if (string.IsNullOrEmpty(code) || code.Length > 32 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            problems.Add(new("code", "admin.deptcode.invalid", "code is 1-32 letters, digits, dashes, underscores or dots."));
        var name = change.Name?.Trim();
        if (string.IsNullOrEmpty(name)) problems.Add(new("name", "admin.name.required", "name is required."));
        else if (name.Length > 128) problems.Add(new("name", "admin.text.long", "name is at most 128 characters."));
        if (change.NameEn?.Trim().Length > 128) problems.Add(new("nameEn", "admin.text.long", "nameEn is at most 128 characters."));
        if (!TryParseName<DepartmentLevel>(change.Level, out var level))
            problems.Add(new("level", "admin.level.invalid", $"level must be one of {string.Join(", ", Enum.GetNames<DepartmentLevel>())} (got '{change.Level}')."));
        var kinds = DepartmentKinds.None;
        foreach (var text in change.Kinds ?? [])
        {
            if (TryParseName<DepartmentKinds>(text, out var kind) && kind != DepartmentKinds.None) kinds |= kind;
            else problems.Add(new("kinds", "admin.kinds.invalid",
                $"kinds are names of {string.Join(", ", Enum.GetNames<DepartmentKinds>().Where(n => n != nameof(DepartmentKinds.None)))} (got '{text}')."));
        }
        if (change.ParentId is { } parent && await ParentProblemAsync(department, parent, cancellationToken) is { } parentProblem)
            problems.Add(new("parentId", "admin.parent.invalid", parentProblem));
        var district = string.IsNullOrWhiteSpace(change.DistrictCode) ? null : change.DistrictCode.Trim();
        if (district is not null && !await db.AdministrativeUnits.AnyAsync(
                u => u.Code == district && u.Level == AdministrativeLevel.District && u.CityCode == department.CityCode, cancellationToken))
            problems.Add(new("districtCode", "admin.district.invalid", $"districtCode: there is no district {district} in this city."));
        if (problems.Count > 0) return ReferenceDataResult.Invalid<Department>(problems);
        if (await db.Departments.AnyAsync(d => d.Code == code && d.Id != department.Id, cancellationToken)) return Duplicate(code!);

        var isNew = department.Id == 0;
        if (isNew) db.Departments.Add(department);
        department.Code = code!;
        department.Name = name!;
        department.NameEn = change.NameEn?.Trim() ?? "";
        department.Level = level;
        department.Kinds = kinds;
        department.ParentId = change.ParentId;
        department.DistrictCode = district;
        department.IsActive = change.IsActive ?? department.IsActive;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (await CodeTakenAsync(department, cancellationToken)) return Duplicate(code!); // taken meanwhile by someone else
            throw;
        }
        LogSaved(logger, admin, isNew ? "added" : "changed", department.Id, department.Code, department.Name, department.Level, department.Kinds,
            department.ParentId, department.DistrictCode, department.IsActive);
        changes.NotifyChanged();
        return ReferenceDataResult.Done(department);
    }

    /// <summary>The parent must be another department of the same city, and not one below this department.</summary>
    private async Task<string?> ParentProblemAsync(Department department, int parentId, CancellationToken cancellationToken)
    {
        var parents = await db.Departments.AsNoTracking().Where(d => d.CityCode == department.CityCode)
            .ToDictionaryAsync(d => d.Id, d => d.ParentId, cancellationToken);
        if (!parents.ContainsKey(parentId)) return $"parentId: there is no department {parentId} in this city.";
        int? at = parentId;
        for (var steps = 0; at is { } current && steps <= parents.Count; steps++)
        {
            if (current == department.Id) return "parentId: a department cannot sit below itself or one of its own units.";
            at = parents.GetValueOrDefault(current);
        }
        return null;
    }

    private static bool TryParseName<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value) && !text!.Trim().All(c => char.IsAsciiDigit(c) || c == '-');

    private static ReferenceDataResult<Department> Duplicate(string code) =>
        ReferenceDataResult.Conflict<Department>(new("code", "admin.code.taken", $"code: there is already a department {code}."));

    private async Task<bool> CodeTakenAsync(Department department, CancellationToken cancellationToken)
    {
        db.Entry(department).State = department.Id == 0 ? EntityState.Detached : EntityState.Unchanged;
        return await db.Departments.AsNoTracking().AnyAsync(d => d.Code == department.Code && d.Id != department.Id, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Administrator {Admin} {Verb} department {Id} {Code} {Name}: {Level}, {Kinds}, parent {Parent}, district {District}, active {Active}")]
    private static partial void LogSaved(ILogger logger, string admin, string verb, int id, string code, string name, DepartmentLevel level,
        DepartmentKinds kinds, int? parent, string? district, bool active);
}
