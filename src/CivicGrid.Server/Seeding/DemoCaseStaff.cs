using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Organisation;

namespace CivicGrid.Server.Seeding;

/// <summary>Who takes the steps of the demo history: the demo users wherever one holds the role (so the UI shows real
/// people), and for departments without a demo user a handler made up in memory with that department's id.</summary>
internal sealed class DemoCaseStaff
{
    private readonly Dictionary<int, Actor> _handlers = [];
    private readonly Dictionary<string, Actor> _districtDispatchers;
    private readonly DemoCaseRouting _routing;
    private readonly DemoNames _names;

    public DemoCaseStaff(IReadOnlyList<StaffUser> users, DemoCaseRouting routing, DemoNames names)
    {
        _routing = routing;
        _names = names;
        Operator = ByName(users, "operator", Roles.IntakeOperator);
        ShiftLead = ByName(users, "shiftlead", Roles.ShiftLead);
        Dispatcher = ByName(users, "dispatcher", Roles.Dispatcher);
        Leader = ByName(users, "leader", Roles.Leader);
        Inspectors = users.Where(u => u.HasRole(Roles.Inspector)).Select(ToActor).ToList();
        InspectorStreets = users.Where(u => u.HasRole(Roles.Inspector)).ToDictionary(u => u.Id, u => u.ScopeDivisionCode);
        _districtDispatchers = users.Where(u => u.HasRole(Roles.Dispatcher) && u.ScopeKind == DataScopeKind.District && u.ScopeDivisionCode is not null)
            .GroupBy(u => u.ScopeDivisionCode!).ToDictionary(g => g.Key, g => ToActor(g.First()));
        foreach (var user in users.Where(u => u.DepartmentId is not null && (u.Roles & (Roles.DepartmentHandler | Roles.EnforcementOfficer)) != 0))
        {
            _handlers.TryAdd(user.DepartmentId!.Value, ToActor(user));
        }
    }

    public Actor Operator { get; }
    public Actor ShiftLead { get; }
    public Actor Dispatcher { get; }
    public Actor Leader { get; }
    public IReadOnlyList<Actor> Inspectors { get; }

    /// <summary>The street each inspector patrols, by user id.</summary>
    public IReadOnlyDictionary<int, string?> InspectorStreets { get; }

    /// <summary>The city dispatcher, or half the time the district's own dispatcher where the district has one.</summary>
    public Actor DispatcherFor(string? districtCode, Random random) =>
        districtCode is not null && _districtDispatchers.TryGetValue(districtCode, out var local) && random.Next(2) == 0 ? local : Dispatcher;

    /// <summary>The department's handler: its demo user, else one made up once (no database user, the department's id).</summary>
    public Actor HandlerOf(int departmentId)
    {
        if (_handlers.TryGetValue(departmentId, out var handler)) return handler;
        var roles = _routing.IsEnforcement(departmentId) ? Roles.EnforcementOfficer : Roles.DepartmentHandler;
        handler = new Actor(null, $"{_names.Person()}（{_routing.NameOf(departmentId)}）", roles, departmentId);
        _handlers[departmentId] = handler;
        return handler;
    }

    private static Actor ByName(IReadOnlyList<StaffUser> users, string userName, Roles role) =>
        ToActor(users.FirstOrDefault(u => u.UserName == userName) ?? users.First(u => u.HasRole(role)));

    private static Actor ToActor(StaffUser user) => new(user.Id, user.DisplayName, user.Roles, user.DepartmentId);
}
