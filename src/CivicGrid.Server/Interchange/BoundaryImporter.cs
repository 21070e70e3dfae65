using CivicGrid.Data;
using CivicGrid.Domain.Geography;
using CivicGrid.Server.Features.Geography;
using CivicGrid.Server.Platform.Cli;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CivicGrid.Server.Interchange;

/// <summary>
/// Imports administrative boundaries (districts, streets, communities) from a GeoJSON FeatureCollection and
/// upserts them: a unit that already exists gets the file's name, English name and boundary.
/// The parent comes from the code; it must exist in the database or in the same file (in any order).
/// A district's parent is the city: when the city row is missing it is created from a <c>cityName</c>
/// property (with optional <c>cityNameEn</c> and <c>casePrefix</c>) on any feature of that city.
/// </summary>
public sealed class BoundaryImporter(CivicGridDbContext db, GridLocator locator)
{
    private sealed record Candidate(int Index, long Line, string Original, DivisionCode Code, string Name, string? NameEn, Geometry? Boundary);

    private sealed record CityInfo(string Name, string? NameEn, string? CasePrefix);

    public async Task<ImportResult> ImportAsync(
        string path, ImportOptions options, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        FileFormats.For(path, "Boundary", FileFormat.GeoJson, FileFormat.Json);
        using var log = new RejectionLog(options.RejectsPathFor(path));
        var (candidates, cities) = ReadFeatures(path, log, progress);

        var existingUnits = await db.AdministrativeUnits.ToDictionaryAsync(u => u.Code, cancellationToken);
        var existingCities = await db.Cities.Select(c => c.Code).ToHashSetAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var accepted = new HashSet<string>(existingUnits.Keys);
        var citiesToCreate = new HashSet<string>();
        var valid = 0L;
        foreach (var candidate in candidates.OrderBy(c => c.Code.Value.Length).ThenBy(c => c.Index))
        {
            var reason = FindParentProblem(candidate.Code, accepted, existingCities, cities, citiesToCreate);
            if (reason is not null)
            {
                log.Add(new ImportRejection(candidate.Line, $"feature {candidate.Index}", reason, candidate.Original));
                continue;
            }
            accepted.Add(candidate.Code.Value);
            Upsert(candidate, existingUnits);
            valid++;
        }
        foreach (var cityCode in citiesToCreate)
        {
            var city = cities[cityCode];
            db.Cities.Add(new City
            {
                Code = cityCode, Name = city.Name, NameEn = city.NameEn ?? city.Name, CaseNumberPrefix = city.CasePrefix ?? cityCode,
            });
        }
        if (log.Count == 0 || options.SkipBad) await db.SaveChangesAsync(cancellationToken);
        var result = await log.FinishAsync(transaction, valid, options, cancellationToken);
        db.ChangeTracker.Clear();
        if (result.Committed) locator.Invalidate();
        return result;
    }

    private static (List<Candidate>, Dictionary<string, CityInfo>) ReadFeatures(
        string path, RejectionLog log, IProgress<ProgressReport>? progress)
    {
        var candidates = new List<Candidate>();
        var cities = new Dictionary<string, CityInfo>();
        var firstIndex = new Dictionary<string, int>();
        var problems = new List<string>();
        using var features = new GeoJsonFeatureReader(FileFormats.OpenInput(path));
        var length = new FileInfo(path).Length;
        while (features.Read())
        {
            problems.Clear();
            using var feature = ParsedFeature.Parse(features.Feature, problems);
            var codeText = feature.Text("code");
            var name = feature.Text("name", 64);
            var nameEn = feature.Text("nameEn", 128);
            var cityName = feature.Text("cityName", 64);
            var cityNameEn = feature.Text("cityNameEn", 64);
            var casePrefix = feature.Text("casePrefix", 8);
            var boundary = feature.Geometry();
            if (boundary is not null && GeoJsonGeometry.FindAreaProblem(boundary) is { } geometryProblem) problems.Add(geometryProblem);
            if (name is null) problems.Add("name: required");
            DivisionCode code = default;
            if (codeText is null) problems.Add("code: required");
            else if (!DivisionCode.TryParse(codeText, out code)) problems.Add(CodeReasons.Why("code", () => DivisionCode.Parse(codeText)));
            else if (code.Level == AdministrativeLevel.City)
                problems.Add($"code: {codeText} is a city code; the file holds districts, streets and communities (the city row comes from cityName)");
            else if (firstIndex.TryGetValue(codeText, out var first)) problems.Add($"code: {codeText} repeats feature {first}");

            if (problems.Count > 0)
            {
                log.Add(new ImportRejection(features.FeatureLine, $"feature {features.FeatureIndex}", string.Join("; ", problems), features.FeatureText));
            }
            else
            {
                firstIndex[code.Value] = features.FeatureIndex;
                if (cityName is not null) cities.TryAdd(code.CityCode.Value, new CityInfo(cityName, cityNameEn, casePrefix));
                candidates.Add(new Candidate(features.FeatureIndex, features.FeatureLine, features.FeatureText, code, name!, nameEn, boundary));
            }
            if (features.FeatureIndex % 500 == 0) progress?.Report(new ProgressReport("Reading boundaries (bytes)", features.Position, length));
        }
        progress?.Report(new ProgressReport("Reading boundaries (bytes)", length, length));
        return (candidates, cities);
    }

    private static string? FindParentProblem(DivisionCode code, HashSet<string> accepted, HashSet<string> existingCities,
        Dictionary<string, CityInfo> cities, HashSet<string> citiesToCreate)
    {
        var parent = code.Parent!.Value;
        if (parent.Level != AdministrativeLevel.City)
        {
            return accepted.Contains(parent.Value)
                ? null
                : $"code: the parent {parent.Value} is neither in the database nor a valid feature of the file";
        }
        if (existingCities.Contains(parent.Value) || citiesToCreate.Contains(parent.Value)) return null;
        if (!cities.ContainsKey(parent.Value))
            return $"cityName: the city {parent.Value} does not exist; give a cityName property (on any feature of the city) to create it";
        citiesToCreate.Add(parent.Value);
        return null;
    }

    private void Upsert(Candidate candidate, Dictionary<string, AdministrativeUnit> existing)
    {
        if (!existing.TryGetValue(candidate.Code.Value, out var unit))
        {
            unit = new AdministrativeUnit
            {
                Code = candidate.Code.Value, Name = candidate.Name, ParentCode = candidate.Code.Parent!.Value.Value,
                CityCode = candidate.Code.CityCode.Value,
            };
            db.AdministrativeUnits.Add(unit);
        }
        unit.Level = candidate.Code.Level;
        unit.Name = candidate.Name;
        unit.NameEn = candidate.NameEn;
        unit.Boundary = candidate.Boundary;
    }
}
