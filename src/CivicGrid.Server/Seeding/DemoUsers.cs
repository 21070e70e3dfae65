using CivicGrid.Data;
using CivicGrid.Domain.Organisation;
using Microsoft.AspNetCore.Identity;

namespace CivicGrid.Server.Seeding;

/// <summary>The demo staff: one user per role (created first, so they head the start-up banner), then one inspector
/// per chosen patrol area. Every user shares one password hash: hashing is deliberately slow, so it runs once.</summary>
internal static class DemoUsers
{
    private const string Longhua = "460106";

    /// <summary>Creates the users and returns their names in Id order and the inspectors' ids, one per area in
    /// <paramref name="inspectorAreas"/> (the first is the user "inspector").</summary>
    public static async Task<(List<string> UserNames, List<int> InspectorIds)> CreateAsync(
        CivicGridDbContext db, string password, DemoDepartmentDirectory departments, IReadOnlyList<DemoPatrolArea> inspectorAreas,
        DemoNames names, CancellationToken cancellationToken)
    {
        // The default hasher ignores the user argument; every demo user gets the same (salted) hash string.
        var hash = new PasswordHasher<StaffUser>().HashPassword(null!, password);
        var roleUsers = new List<StaffUser>
        {
            New("admin", "系统管理员", Roles.Administrator, hash),
            New("inspector", $"王海（监督员·{inspectorAreas[0].Street.Name}）", Roles.Inspector, hash, DataScope.OfStreet(inspectorAreas[0].Street.Code)),
            New("operator", "陈静（受理员）", Roles.IntakeOperator, hash),
            New("shiftlead", "林峰（值班长）", Roles.ShiftLead, hash),
            New("dispatcher", "黄丽（派遣员）", Roles.Dispatcher, hash),
            New("dispatcher.longhua", "吴强（龙华区派遣员）", Roles.Dispatcher, hash, DataScope.OfDistrict(Longhua)),
            New("handler.shizheng", "符建国（龙华区市政养护队）", Roles.DepartmentHandler, hash,
                DataScope.OfDepartment(departments[DemoDepartments.DistrictTeam(DemoDepartments.Municipal, Longhua)])),
            New("handler.huanwei", "李梅（龙华区环卫所）", Roles.DepartmentHandler, hash,
                DataScope.OfDepartment(departments[DemoDepartments.DistrictTeam(DemoDepartments.Sanitation, Longhua)])),
            New("handler.yuanlin", "邢志华（龙华区园林所）", Roles.DepartmentHandler, hash,
                DataScope.OfDepartment(departments[DemoDepartments.DistrictTeam(DemoDepartments.Landscaping, Longhua)])),
            New("enforcer", "周斌（龙华区城管执法中队）", Roles.EnforcementOfficer, hash,
                DataScope.OfDepartment(departments[DemoDepartments.DistrictTeam(DemoDepartments.Enforcement, Longhua)])),
            New("leader", "张明（分管领导）", Roles.Leader, hash),
        };

        // One save per role user: ids then follow this order on every provider, and the banner lists them so.
        foreach (var user in roleUsers)
        {
            db.StaffUsers.Add(user);
            await db.SaveChangesAsync(cancellationToken);
        }

        var inspectors = inspectorAreas.Skip(1).Select((area, i) => New(
            $"inspector.{i + 2:D3}", $"{names.Person()}（监督员·{area.Street.Name}）", Roles.Inspector, hash, DataScope.OfStreet(area.Street.Code))).ToList();
        db.StaffUsers.AddRange(inspectors);
        await db.SaveChangesAsync(cancellationToken);
        return ([.. roleUsers.Select(u => u.UserName), .. inspectors.Select(u => u.UserName)],
            [roleUsers[1].Id, .. inspectors.Select(u => u.Id)]);
    }

    private static StaffUser New(string userName, string displayName, Roles roles, string hash, DataScope? scope = null)
    {
        scope ??= DataScope.WholeCity;
        return new StaffUser
        {
            UserName = userName, DisplayName = displayName, PasswordHash = hash, CityCode = DemoCity.CityCode, Roles = roles,
            ScopeKind = scope.Kind, ScopeDivisionCode = scope.DivisionCode, DepartmentId = scope.DepartmentId,
        };
    }
}
