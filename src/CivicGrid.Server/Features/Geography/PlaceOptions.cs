using System.ComponentModel.DataAnnotations;

namespace CivicGrid.Server.Features.Geography;

/// <summary>The "Places" section: how many public look-ups (address of a point, place search, basemap) one client IP
/// may make per minute.</summary>
public sealed class PlaceOptions
{
    public const string Section = "Places";

    [Range(1, 100_000)]
    public int LookupsPerIpPerMinute { get; set; } = 600;
}
