using CivicGrid.Server.Platform.Errors;

namespace CivicGrid.Server.Features.Map;

/// <summary>The vector layers of the live map: the administrative units (区, 街道, 社区) and the unit grids (单元网格).</summary>
public enum MapAreaLevel { District, Street, Community, Grid }

public static class MapAreaLevels
{
    public static string ToCode(this MapAreaLevel level) => level switch
    {
        MapAreaLevel.District => "district",
        MapAreaLevel.Street => "street",
        MapAreaLevel.Community => "community",
        _ => "grid",
    };

    public static MapAreaLevel? Parse(string? text, FieldErrors errors)
    {
        foreach (var level in Enum.GetValues<MapAreaLevel>())
        {
            if (string.Equals(text, level.ToCode(), StringComparison.OrdinalIgnoreCase)) return level;
        }
        errors.Add("level", string.IsNullOrWhiteSpace(text)
            ? "level is required: district, street, community or grid."
            : $"Unknown level '{text}'; use district, street, community or grid.");
        return null;
    }
}
