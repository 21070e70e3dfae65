using CivicGrid.Domain.Geography;
using CivicGrid.Server.Features.Geography;

namespace CivicGrid.Server.Features.Map;

/// <summary>What the basemap shows at a zoom level, so that a phone screen stays readable: districts up to zoom 11,
/// streets at 12–13, communities from 14; trunk roads always, main roads from 12, minor roads from 14; landmarks from
/// 15; water always.</summary>
public static class BasemapZoom
{
    public static MapAreaLevel AreaLevel(int zoom) => zoom <= 11 ? MapAreaLevel.District : zoom <= 13 ? MapAreaLevel.Street : MapAreaLevel.Community;

    public static AdministrativeLevel UnitLevel(int zoom) => AreaLevel(zoom) switch
    {
        MapAreaLevel.District => AdministrativeLevel.District,
        MapAreaLevel.Street => AdministrativeLevel.Street,
        _ => AdministrativeLevel.Community,
    };

    public static int MaxRoadRank(int zoom) => zoom <= 11 ? 1 : zoom <= 13 ? 2 : 3;

    public static bool Shows(NamedFeature feature, int zoom) => feature.Kind switch
    {
        BasemapFeatureKind.Road => feature.Rank <= MaxRoadRank(zoom),
        BasemapFeatureKind.Landmark => zoom >= 15,
        _ => true,
    };
}
