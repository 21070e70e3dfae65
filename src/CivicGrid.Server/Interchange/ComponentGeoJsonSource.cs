namespace CivicGrid.Server.Interchange;

/// <summary>Components from a GeoJSON FeatureCollection of Point features, streamed.</summary>
public sealed class ComponentGeoJsonSource(Stream stream) : IComponentRowSource
{
    private readonly GeoJsonFeatureReader _features = new(stream);

    public long Line => _features.FeatureLine;
    public string Item => $"feature {_features.FeatureIndex}";
    public string Original => _features.FeatureText;
    public long Position => _features.Position;

    public bool Read(ComponentRow row)
    {
        if (!_features.Read()) return false;
        ComponentFeatureParser.Parse(_features.Feature, row);
        return true;
    }

    public void Dispose() => _features.Dispose();
}
