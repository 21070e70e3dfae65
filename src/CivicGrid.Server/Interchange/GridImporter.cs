using CivicGrid.Data;
using CivicGrid.Domain.Geography;
using CivicGrid.Server.Features.Geography;
using CivicGrid.Server.Platform.Cli;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Interchange;

/// <summary>
/// Imports unit grids (单元网格) from a GeoJSON FeatureCollection of Polygon/MultiPolygon features and upserts them
/// (an existing grid gets the file's boundary, area, responsible party and built-up flag; its responsibility grid is
/// kept). The community comes from the numeric code or, for the alphanumeric GB/T 47678.3 form, from the required
/// <c>communityCode</c> property, and must exist. The area in m² is computed from the polygon.
/// </summary>
public sealed class GridImporter(CivicGridDbContext db, GridLocator locator)
{
    public async Task<ImportResult> ImportAsync(
        string path, ImportOptions options, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        FileFormats.For(path, "Grid", FileFormat.GeoJson, FileFormat.Json);
        using var log = new RejectionLog(options.RejectsPathFor(path));
        var communities = await db.AdministrativeUnits.Where(u => u.Level == AdministrativeLevel.Community)
            .ToDictionaryAsync(u => u.Code, u => u.CityCode, cancellationToken);
        var grids = ReadFeatures(path, communities, log, progress);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (log.Count == 0 || options.SkipBad)
        {
            var codes = grids.Select(g => g.Code).ToList();
            var existing = await db.UnitGrids.Where(g => codes.Contains(g.Code)).ToDictionaryAsync(g => g.Code, cancellationToken);
            foreach (var grid in grids)
            {
                if (existing.TryGetValue(grid.Code, out var stored))
                {
                    grid.ResponsibilityGridId = stored.ResponsibilityGridId;
                    db.Entry(stored).CurrentValues.SetValues(grid);
                }
                else
                {
                    db.UnitGrids.Add(grid);
                }
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        var result = await log.FinishAsync(transaction, grids.Count, options, cancellationToken);
        db.ChangeTracker.Clear();
        if (result.Committed) locator.Invalidate();
        return result;
    }

    private static List<UnitGrid> ReadFeatures(
        string path, Dictionary<string, string> communities, RejectionLog log, IProgress<ProgressReport>? progress)
    {
        var grids = new List<UnitGrid>();
        var firstIndex = new Dictionary<string, int>();
        var problems = new List<string>();
        var length = new FileInfo(path).Length;
        using var features = new GeoJsonFeatureReader(FileFormats.OpenInput(path));
        while (features.Read())
        {
            problems.Clear();
            using var feature = ParsedFeature.Parse(features.Feature, problems);
            var grid = Read(feature, communities, firstIndex, problems);
            if (problems.Count > 0 || grid is null)
            {
                log.Add(new ImportRejection(features.FeatureLine, $"feature {features.FeatureIndex}", string.Join("; ", problems), features.FeatureText));
            }
            else
            {
                firstIndex[grid.Code] = features.FeatureIndex;
                grids.Add(grid);
            }
            if (features.FeatureIndex % 1_000 == 0) progress?.Report(new ProgressReport("Reading grids (bytes)", features.Position, length));
        }
        progress?.Report(new ProgressReport("Reading grids (bytes)", length, length));
        return grids;
    }

    private static UnitGrid? Read(ParsedFeature feature, Dictionary<string, string> communities, Dictionary<string, int> firstIndex, List<string> problems)
    {
        var codeText = feature.Text("code");
        var communityText = feature.Text("communityCode");
        var responsibleParty = feature.Text("responsibleParty", 128);
        var builtUp = feature.Flag("builtUp");
        var boundary = feature.Geometry();
        if (boundary is null) problems.Add("geometry: a Polygon is required");
        else if (GeoJsonGeometry.FindAreaProblem(boundary) is { } geometryProblem) problems.Add(geometryProblem);

        UnitGridCode code = default;
        if (codeText is null) problems.Add("code: required");
        else if (!UnitGridCode.TryParse(codeText, out code)) problems.Add(CodeReasons.Why("code", () => UnitGridCode.Parse(codeText)));
        else if (firstIndex.TryGetValue(codeText, out var first)) problems.Add($"code: {codeText} repeats feature {first}");

        var community = FindCommunity(code, codeText is not null && code.Value.Length > 0, communityText, problems);
        if (community is not null && !communities.ContainsKey(community))
            problems.Add($"communityCode: the community {community} does not exist; import the boundaries first");
        if (problems.Count > 0) return null;

        return new UnitGrid
        {
            Code = code.Value, CityCode = communities[community!], DistrictCode = community![..6], StreetCode = community[..9],
            CommunityCode = community, Boundary = boundary!, AreaSquareMetres = GeodesicArea.SquareMetres(boundary!),
            IsBuiltUp = builtUp, ResponsibleParty = responsibleParty,
        };
    }

    private static string? FindCommunity(UnitGridCode code, bool codeValid, string? communityText, List<string> problems)
    {
        if (communityText is not null
            && (!DivisionCode.TryParse(communityText, out var given) || given.Level != AdministrativeLevel.Community))
        {
            problems.Add($"communityCode: '{communityText}' is not a 12-digit community code");
            return null;
        }
        if (!codeValid) return null;
        if (code.IsNumeric)
        {
            var fromCode = code.Community!.Value.Value;
            if (communityText is not null && communityText != fromCode)
            {
                problems.Add($"communityCode: {communityText} differs from the community {fromCode} in the grid code");
                return null;
            }
            return fromCode;
        }
        if (communityText is null) problems.Add("communityCode: required for an alphanumeric grid code");
        return communityText;
    }
}
