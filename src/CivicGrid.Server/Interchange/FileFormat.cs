using CivicGrid.Server.Platform.Csv;
namespace CivicGrid.Server.Interchange;

/// <summary>The file formats of import and export, chosen by the file's extension.</summary>
public enum FileFormat { GeoJson, Json, Csv }

public static class FileFormats
{
    /// <summary>.geojson → GeoJSON, .json → JSON, .csv → CSV.</summary>
    /// <exception cref="ImportFileException">The extension is none of the <paramref name="allowed"/> formats.</exception>
    public static FileFormat For(string path, string what, params FileFormat[] allowed)
    {
        FileFormat? format = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".geojson" => FileFormat.GeoJson,
            ".json" => FileFormat.Json,
            ".csv" => FileFormat.Csv,
            _ => null,
        };
        if (format is { } found && allowed.Contains(found)) return found;
        var names = string.Join(", ", allowed.Select(Extension));
        throw new ImportFileException($"{what} files must end in {names}; got '{Path.GetFileName(path)}'.");
    }

    private static string Extension(FileFormat format) => format switch
    {
        FileFormat.GeoJson => ".geojson",
        FileFormat.Json => ".json",
        _ => ".csv",
    };

    /// <summary>Opens an input file for one sequential pass, turning "not found" into a clear message.</summary>
    public static FileStream OpenInput(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new ImportFileException($"Cannot open '{path}': {exception.Message}", exception);
        }
    }

    /// <summary>Creates (or replaces) an output file with a large buffer for sequential writing.</summary>
    public static FileStream CreateOutput(string path) =>
        new(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
}
