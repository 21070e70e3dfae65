namespace CivicGrid.Server.Interchange;

/// <summary>How an import treats bad rows.</summary>
/// <param name="SkipBad">False (default): any rejected row rolls the whole import back. True: import the valid rows
/// and write the rejected ones to the rejects file.</param>
/// <param name="RejectsPath">Where to write rejected rows. With <paramref name="SkipBad"/> it defaults to
/// <c>FILE.rejects.csv</c> beside the input; without it, no rejects file is written unless a path is given.</param>
public sealed record ImportOptions(bool SkipBad = false, string? RejectsPath = null)
{
    public static ImportOptions AllOrNothing { get; } = new();

    /// <summary>The rejects file for <paramref name="inputPath"/>, or null when none is wanted.</summary>
    public string? RejectsPathFor(string inputPath) => RejectsPath ?? (SkipBad ? inputPath + ".rejects.csv" : null);
}
