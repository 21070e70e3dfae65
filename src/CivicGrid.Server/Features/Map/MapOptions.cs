using System.ComponentModel.DataAnnotations;

namespace CivicGrid.Server.Features.Map;

/// <summary>Bounds of the map's answers ("Map" section): a viewport answer stays small enough for a browser to draw.</summary>
public sealed class MapOptions
{
    public const string Section = "Map";

    /// <summary>More areas than this in one viewport → 400 "zoom in".</summary>
    [Range(1, 100_000)]
    public int MaxAreas { get; set; } = 5_000;

    /// <summary>At most this many cases per answer (newest first; the answer says when it was cut).</summary>
    [Range(1, 100_000)]
    public int MaxCases { get; set; } = 2_000;
}
