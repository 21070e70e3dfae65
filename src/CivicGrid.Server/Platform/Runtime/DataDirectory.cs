namespace CivicGrid.Server.Platform.Runtime;

/// <summary>Where CivicGrid keeps its files: ./data by default, CIVICGRID_DATA (or DataDirectory) to move it.</summary>
public sealed class DataDirectory
{
    public DataDirectory(IConfiguration configuration)
    {
        var configured = Environment.GetEnvironmentVariable("CIVICGRID_DATA") ?? configuration["DataDirectory"];
        Path = System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string SqliteConnectionString => $"Data Source={System.IO.Path.Combine(Path, "civicgrid.db")};Pooling=True";
}
