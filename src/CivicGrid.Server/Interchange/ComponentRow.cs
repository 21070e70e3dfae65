using CivicGrid.Server.Platform.Csv;
namespace CivicGrid.Server.Interchange;

/// <summary>One component as read from a file, before validation: texts as written, the position as numbers.
/// One instance is reused for every row of a file.</summary>
public sealed class ComponentRow
{
    public string? Id { get; set; }
    public string? Type { get; set; }
    public string? Name { get; set; }
    public double? Longitude { get; set; }
    public double? Latitude { get; set; }
    public string? Crs { get; set; }
    public string? Status { get; set; }
    public string? Grid { get; set; }
    public string? Competent { get; set; }
    public string? Owner { get; set; }
    public string? Maintainer { get; set; }
    public string? Source { get; set; }
    public string? Note { get; set; }
    public string? CreatedAt { get; set; }
    public string? ChangedAt { get; set; }

    /// <summary>Problems the reader found in the row's shape (bad number, not a Point …), or empty.</summary>
    public List<string> Problems { get; } = [];

    public void Clear()
    {
        Id = Type = Name = Crs = Status = Grid = Competent = Owner = Maintainer = Source = Note = CreatedAt = ChangedAt = null;
        Longitude = Latitude = null;
        Problems.Clear();
    }
}

/// <summary>The columns (CSV) and properties (GeoJSON) of a component, in file order.</summary>
public static class ComponentColumns
{
    public static readonly string[] All =
    [
        "id", "type", "name", "longitude", "latitude", "crs", "status", "grid", "competent", "owner", "maintainer",
        "source", "note", "createdAt", "changedAt",
    ];

    public static readonly string[] RequiredInCsv = ["id", "name", "longitude", "latitude"];
}

/// <summary>A file of components read row by row.</summary>
public interface IComponentRowSource : IDisposable
{
    /// <summary>Fills <paramref name="row"/> with the next row; false at the end of the file.</summary>
    /// <exception cref="ImportFileException">The file as a whole is unreadable.</exception>
    bool Read(ComponentRow row);

    /// <summary>The physical line on which the current row starts.</summary>
    long Line { get; }

    /// <summary>"record 3" or "feature 3".</summary>
    string Item { get; }

    /// <summary>The current row's original text.</summary>
    string Original { get; }

    /// <summary>Bytes consumed, for progress.</summary>
    long Position { get; }
}
