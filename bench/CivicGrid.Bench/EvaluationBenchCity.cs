using System.Globalization;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace CivicGrid.Bench;

/// <summary>The megacity of the evaluation bench: 16 districts, 400 streets, 4,000 communities and 40,000 unit grids
/// (10 per community), 4,000 responsibility grids (one per community) patrolled by 1,000 inspectors (4 each), and the
/// 1,120 staff in positions. Written with raw inserts beside the small demo city, under district codes of its own
/// (4601 51–66) so that nothing collides with the demo's.</summary>
internal static class EvaluationBenchCity
{
    public const string CityCode = "460100";
    public const int Districts = 16, StreetsPerDistrict = 25, CommunitiesPerStreet = 10, GridsPerCommunity = 10;
    public const int Grids = Districts * StreetsPerDistrict * CommunitiesPerStreet * GridsPerCommunity;
    public const int Inspectors = 1_000, Operators = 60, ShiftLeads = 20, Dispatchers = 40;
    public const int InspectorBase = 100_000, OperatorBase = 200_000, ShiftLeadBase = 300_000, DispatcherBase = 400_000;
    private const int ResponsibilityGridBase = 100_000;

    public static readonly string[] DistrictCodes = Enumerable.Range(0, Districts).Select(d => (460151 + d).ToString(CultureInfo.InvariantCulture)).ToArray();
    public static readonly string[] GridCodes = Enumerable.Range(0, Grids).Select(g => $"{CommunityCode(g / GridsPerCommunity)}{g % GridsPerCommunity + 1:D2}").ToArray();
    public static readonly string[] CommunityCodes = Enumerable.Range(0, Grids / GridsPerCommunity).Select(CommunityCode).ToArray();
    public static readonly string[] StreetCodes = Enumerable.Range(0, Districts * StreetsPerDistrict).Select(StreetCode).ToArray();

    public static int DistrictOf(int grid) => grid / (Grids / Districts);
    public static int StreetOf(int grid) => grid / (GridsPerCommunity * CommunitiesPerStreet);
    public static int CommunityOf(int grid) => grid / GridsPerCommunity;
    /// <summary>The inspector who patrols the grid's responsibility grid (4 communities each).</summary>
    public static int InspectorOf(int grid) => CommunityOf(grid) / 4;
    public static (double Longitude, double Latitude) CentreOf(int grid) => (110.0 + grid % 200 * 0.001, 20.0 - grid / 200 * 0.001);

    private static string StreetCode(int street) => $"{DistrictCodes[street / StreetsPerDistrict]}{street % StreetsPerDistrict + 1:D3}";
    private static string CommunityCode(int community) => $"{StreetCode(community / CommunitiesPerStreet)}{community % CommunitiesPerStreet + 1:D3}";

    public static void Write(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        using (var unit = Command(connection, transaction,
            "INSERT INTO AdministrativeUnits (Code, Level, Name, NameEn, ParentCode, CityCode) VALUES ($code, $level, $name, $name, $parent, '460100')"))
        {
            void Unit(string code, string level, string name, string parent) => Run(unit, code, level, name, parent);
            for (var d = 0; d < Districts; d++) Unit(DistrictCodes[d], "District", $"区 {d + 1}", CityCode);
            for (var s = 0; s < StreetCodes.Length; s++) Unit(StreetCodes[s], "Street", $"街道 {s + 1}", DistrictCodes[s / StreetsPerDistrict]);
            for (var c = 0; c < CommunityCodes.Length; c++) Unit(CommunityCodes[c], "Community", $"社区 {c + 1}", StreetCodes[c / CommunitiesPerStreet]);
        }
        using (var staff = Command(connection, transaction,
            "INSERT INTO StaffUsers (Id, UserName, DisplayName, PasswordHash, CityCode, Roles, ScopeKind, IsActive) VALUES ($id, $user, $name, 'bench', '460100', $roles, 'City', 1)"))
        {
            foreach (var (first, count, roles, name) in new[] { (InspectorBase, Inspectors, 1, "inspector"), (OperatorBase, Operators, 2, "operator"), (ShiftLeadBase, ShiftLeads, 4, "shiftlead"), (DispatcherBase, Dispatchers, 8, "dispatcher") })
            {
                for (var i = 0; i < count; i++) Run(staff, first + i, $"bench.{name}.{i:D4}", $"{name} {i}", roles);
            }
        }
        using (var responsibility = Command(connection, transaction,
            "INSERT INTO ResponsibilityGrids (Id, Code, Name, CityCode, DistrictCode, InspectorUserId) VALUES ($id, $code, $code, '460100', $district, $inspector)"))
        {
            for (var c = 0; c < CommunityCodes.Length; c++)
            {
                Run(responsibility, ResponsibilityGridBase + c, "R" + CommunityCodes[c], DistrictCodes[DistrictOf(c * GridsPerCommunity)], InspectorBase + c / 4);
            }
        }
        using (var grid = Command(connection, transaction,
            "INSERT INTO UnitGrids (Code, CityCode, DistrictCode, StreetCode, CommunityCode, Boundary, AreaSquareMetres, IsBuiltUp, ResponsibilityGridId) VALUES ($code, '460100', $district, $street, $community, $boundary, 10000, 1, $rg)"))
        {
            var factory = new GeometryFactory(new PrecisionModel(), 4326);
            var wkb = new WKBWriter();
            for (var g = 0; g < Grids; g++)
            {
                var (x, y) = CentreOf(g);
                const double h = 0.0005;
                var square = factory.CreatePolygon([new(x - h, y - h), new(x + h, y - h), new(x + h, y + h), new(x - h, y + h), new(x - h, y - h)]);
                Run(grid, GridCodes[g], DistrictCodes[DistrictOf(g)], StreetCodes[StreetOf(g)], CommunityCodes[CommunityOf(g)], wkb.Write(square), ResponsibilityGridBase + CommunityOf(g));
            }
        }
        transaction.Commit();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, @"\$[a-z]+").Select(m => m.Value).Distinct()) command.Parameters.Add(new SqliteParameter(name, null));
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }
}
