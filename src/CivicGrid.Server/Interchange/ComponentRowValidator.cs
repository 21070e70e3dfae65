using System.Globalization;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Components;
using CivicGrid.Domain.Geography;

namespace CivicGrid.Server.Interchange;

/// <summary>Turns a <see cref="ComponentRow"/> into a <see cref="Component"/>, or explains every problem of the row,
/// each naming its field. Remembers the ids of the valid rows so that a repeated id is reported with the line of its
/// first occurrence.</summary>
public sealed class ComponentRowValidator(ComponentReferenceData reference, DateTimeOffset now)
{
    private readonly Dictionary<long, long> _firstLine = [];
    private readonly List<string> _problems = [];

    public bool TryCreate(ComponentRow row, long line, out Component? component, out string reason)
    {
        _problems.Clear();
        _problems.AddRange(row.Problems);
        var key = CheckId(row.Id, line);
        var typeCode = CheckType(row);
        var name = Text("name", row.Name, 128, required: true);
        var position = CheckPosition(row);
        var status = CheckStatus(row.Status);
        var grid = CheckGrid(row.Grid, position);
        var competent = Department("competent", row.Competent);
        var owner = Department("owner", row.Owner);
        var maintainer = Department("maintainer", row.Maintainer);
        var source = Text("source", row.Source, 64, required: false);
        var note = Text("note", row.Note, 512, required: false);
        var createdAt = Instant("createdAt", row.CreatedAt) ?? now;
        var changedAt = Instant("changedAt", row.ChangedAt) ?? createdAt;

        if (_problems.Count > 0)
        {
            component = null;
            reason = string.Join("; ", _problems);
            return false;
        }
        _firstLine[key] = line;
        component = new Component
        {
            Id = row.Id!, CityCode = row.Id![..4] + "00", TypeCode = typeCode!, Name = name!, GridCode = grid,
            Longitude = position!.Value.Longitude, Latitude = position.Value.Latitude,
            CompetentDepartmentId = competent, OwnerDepartmentId = owner, MaintainerDepartmentId = maintainer,
            Status = status, CreatedAt = createdAt, ChangedAt = changedAt, Source = source, Note = note,
        };
        reason = "";
        return true;
    }

    private long CheckId(string? id, long line)
    {
        if (id is null)
        {
            _problems.Add("id: required");
            return 0;
        }
        if (!ComponentId.TryParse(id, out _))
        {
            _problems.Add(CodeReasons.Why("id", () => ComponentId.Parse(id)));
            return 0;
        }
        var key = long.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture);
        if (_firstLine.TryGetValue(key, out var first)) _problems.Add($"id: {id} repeats the id of line {first}");
        else if (reference.ExistingIds.Contains(key)) _problems.Add($"id: {id} already exists in the database");
        if (!reference.Divisions.Contains(id[..6])) _problems.Add($"id: its division {id[..6]} is not a district or city in the database");
        return key;
    }

    private string? CheckType(ComponentRow row)
    {
        var fromId = row.Id is { Length: 17 } id ? id[6..11] : null;
        var type = row.Type ?? fromId;
        if (type is null)
        {
            _problems.Add("type: required");
            return null;
        }
        if (!reference.ComponentTypes.TryGetValue(type, out var active)) _problems.Add($"type: {type} is not a component type of the catalogue");
        else if (!active) _problems.Add($"type: {type} is an inactive component type");
        if (row.Type is not null && fromId is not null && row.Type != fromId) _problems.Add($"type: {row.Type} differs from the type {fromId} in the id");
        return type;
    }

    private GeoPoint? CheckPosition(ComponentRow row)
    {
        var system = CoordinateSystem.Wgs84;
        if (row.Crs is not null && !CoordinateSystems.TryParse(row.Crs, out system))
            _problems.Add($"crs: '{row.Crs}' is not wgs84, cgcs2000, gcj02 or bd09");
        if (row.Longitude is null || row.Latitude is null)
        {
            if (row.Problems.Count == 0) _problems.Add(row.Longitude is null ? "longitude: required" : "latitude: required");
            return null;
        }
        if (!GeoPoint.IsValid(row.Longitude.Value, row.Latitude.Value))
        {
            _problems.Add($"longitude/latitude: {row.Longitude}, {row.Latitude} is outside -180..180 / -90..90");
            return null;
        }
        return CoordinateConverter.Convert(new GeoPoint(row.Longitude.Value, row.Latitude.Value), system, CoordinateSystem.Wgs84);
    }

    private ComponentStatus CheckStatus(string? status)
    {
        if (status is null) return ComponentStatus.Intact;
        ComponentStatus? parsed = status.ToLowerInvariant() switch
        {
            "intact" or "完好" => ComponentStatus.Intact,
            "damaged" or "破损" => ComponentStatus.Damaged,
            "lost" or "丢失" => ComponentStatus.Lost,
            "abandoned" or "废弃" => ComponentStatus.Abandoned,
            "removed" or "移除" => ComponentStatus.Removed,
            _ => null,
        };
        if (parsed is null) _problems.Add($"status: '{status}' is not intact, damaged, lost, abandoned or removed (完好/破损/丢失/废弃/移除)");
        return parsed.GetValueOrDefault();
    }

    private string? CheckGrid(string? grid, GeoPoint? position)
    {
        if (grid is not null)
        {
            if (!reference.GridCodes.Contains(grid)) _problems.Add($"grid: the unit grid {grid} does not exist");
            return grid;
        }
        if (position is not { } point) return null;
        var found = reference.Grids.FindGridCode(point.Longitude, point.Latitude);
        if (found is null)
        {
            _problems.Add(FormattableString.Invariant(
                $"longitude/latitude: the point {point.Longitude:F6}, {point.Latitude:F6} (WGS-84) lies outside every unit grid; give the grid column to place it"));
        }
        return found;
    }

    private int? Department(string field, string? code)
    {
        if (code is null) return null;
        if (reference.Departments.TryGetValue(code, out var id)) return id;
        _problems.Add($"{field}: no department has the code '{code}'");
        return null;
    }

    private string? Text(string field, string? value, int maxLength, bool required)
    {
        if (value is null)
        {
            if (required) _problems.Add($"{field}: required");
            return null;
        }
        if (value.Length > maxLength) _problems.Add($"{field}: longer than {maxLength} characters");
        return value;
    }

    private DateTimeOffset? Instant(string field, string? text)
    {
        if (text is null) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)) return value.ToUniversalTime();
        _problems.Add($"{field}: '{text}' is not an ISO 8601 date and time");
        return null;
    }
}
