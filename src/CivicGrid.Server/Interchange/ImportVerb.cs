using System.CommandLine;
using CivicGrid.Server.Features.Calendar;
using CivicGrid.Server.Platform.Cli;
using CivicGrid.Server.Platform.Csv;
using CivicGrid.Server.Platform.LiveUpdates;

namespace CivicGrid.Server.Interchange;

/// <summary>`import calendar FILE` (<see cref="CalendarImportCommand"/>) and `import boundaries|grids|components|catalogue FILE [--skip-bad] [--rejects PATH]` (formats: docs/data-formats.md).
/// Exit codes: 0 imported (with --skip-bad also when rows were skipped); 1 rows rejected, nothing imported; 3 unreadable file.</summary>
public static class ImportVerb
{
    private const int ShownRejections = 50;

    public static Command Create(VerbRunner run)
    {
        var import = new Command("import", "Import data from a file (does not migrate: run `migrate` first). See docs/data-formats.md.");
        import.Subcommands.Add(Kind(run, "boundaries", "Districts, streets and communities from GeoJSON.",
            (services, file, options, ct) => GridsChangedAsync(services, services.GetRequiredService<BoundaryImporter>().ImportAsync(file, options, new ConsoleProgress(), ct), ct)));
        import.Subcommands.Add(Kind(run, "grids", "Unit grids from GeoJSON.",
            (services, file, options, ct) => GridsChangedAsync(services, services.GetRequiredService<GridImporter>().ImportAsync(file, options, new ConsoleProgress(), ct), ct)));
        import.Subcommands.Add(Kind(run, "components", "Components from GeoJSON (.geojson) or CSV (.csv).",
            (services, file, options, ct) => services.GetRequiredService<ComponentImporter>().ImportAsync(file, options, new ConsoleProgress(), ct)));
        import.Subcommands.Add(Kind(run, "catalogue", "Catalogue classes and types from JSON (.json) or CSV (.csv).",
            (services, file, options, ct) => ReferenceDataChangedAsync(services, services.GetRequiredService<CatalogueImporter>().ImportAsync(file, options, ct), ct)));
        import.Subcommands.Add(CalendarImportCommand.Create(run));
        return import;
    }

    /// <summary>After a committed grid or boundary import, running servers on PostgreSQL reload their grid index.</summary>
    private static async Task<ImportResult> GridsChangedAsync(IServiceProvider services, Task<ImportResult> import, CancellationToken ct)
    {
        var result = await import;
        if (result.Committed) await services.GetRequiredService<ClusterSignals>().GridsChangedAsync("cli", ct);
        return result;
    }

    /// <summary>After a committed catalogue import, running servers on PostgreSQL drop their cached reference data.</summary>
    private static async Task<ImportResult> ReferenceDataChangedAsync(IServiceProvider services, Task<ImportResult> import, CancellationToken ct)
    {
        var result = await import;
        if (result.Committed) await services.GetRequiredService<ClusterSignals>().ReferenceDataChangedAsync("cli", ct);
        return result;
    }

    private static Command Kind(VerbRunner runVerb, string name, string description,
        Func<IServiceProvider, string, ImportOptions, CancellationToken, Task<ImportResult>> work)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The file to import; its extension selects the format." };
        var skipBad = new Option<bool>("--skip-bad") { Description = "Import the valid rows and write the rejected ones to the rejects file." };
        var rejects = new Option<FileInfo?>("--rejects") { Description = "Where to write rejected rows (default with --skip-bad: FILE.rejects.csv)." };
        var command = new Command(name, description) { file, skipBad, rejects };
        command.SetAction((parse, cancellationToken) => runVerb(async (services, ct) =>
        {
            var path = parse.GetValue(file)!.FullName;
            var options = new ImportOptions(parse.GetValue(skipBad), parse.GetValue(rejects)?.FullName);
            try
            {
                return Report(name, await work(services, path, options, ct));
            }
            catch (ImportFileException exception)
            {
                await Console.Error.WriteLineAsync($"Nothing imported: {exception.Message}");
                return 3;
            }
        }, cancellationToken));
        return command;
    }

    private static int Report(string name, ImportResult result)
    {
        foreach (var rejection in result.Rejections.Take(ShownRejections)) Console.Error.WriteLine("Rejected " + rejection);
        if (result.Rejected > ShownRejections)
            Console.Error.WriteLine($"… and {result.Rejected - ShownRejections:N0} more rejected rows" + (result.RejectsPath is null ? " (use --rejects PATH to list them all)." : "."));
        if (result.RejectsPath is not null) Console.Error.WriteLine($"Rejected rows written to {result.RejectsPath}");
        if (!result.Committed)
        {
            Console.Error.WriteLine($"Nothing imported: {result.Rejected:N0} row(s) rejected, {result.Valid:N0} valid. Fix them, or import the valid rows with --skip-bad.");
            return 1;
        }
        Console.WriteLine(result.Rejected == 0
            ? $"Imported {result.Imported:N0} {name}."
            : $"Imported {result.Imported:N0} {name}; skipped {result.Rejected:N0} rejected row(s).");
        return 0;
    }
}
