using CivicGrid.Server.Features.Geography;

namespace CivicGrid.Server.Features.Map;

/// <summary>The basemap layer of the current <see cref="PlaceSnapshot"/>, rebuilt when the places are (they follow
/// the grid locator, see <see cref="CityPlaces"/>).</summary>
public sealed class Basemap(CityPlaces places)
{
    private volatile BasemapLayer? _layer;

    public async Task<BasemapLayer> LayerAsync(CancellationToken cancellationToken)
    {
        var snapshot = await places.GetSnapshotAsync(cancellationToken);
        if (_layer is { } current && ReferenceEquals(current.Places, snapshot)) return current;
        var layer = new BasemapLayer(snapshot);
        _layer = layer;
        return layer;
    }
}
