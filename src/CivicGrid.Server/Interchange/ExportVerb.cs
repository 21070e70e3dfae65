using System.CommandLine;
using CivicGrid.Server.Platform.Cli;
using CivicGrid.Server.Platform.Csv;

namespace CivicGrid.Server.Interchange;

/// <summary>`export boundaries|grids|components|catalogue FILE`: writes the format the importer reads, chosen by the
/// extension (.geojson, .json, .csv). Exit code 3 when the extension does not fit.</summary>
public static class ExportVerb
{
    public static Command Create(VerbRunner run)
    {
        var export = new Command("export", "Export data to a file in the format `import` reads. See docs/data-formats.md.");
        export.Subcommands.Add(Kind(run, "boundaries", "Districts, streets and communities to GeoJSON.",
            (services, file, ct) => services.GetRequiredService<BoundaryExporter>().ExportAsync(file, ct)));
        export.Subcommands.Add(Kind(run, "grids", "Unit grids to GeoJSON.",
            (services, file, ct) => services.GetRequiredService<GridExporter>().ExportAsync(file, ct)));
        export.Subcommands.Add(Kind(run, "components", "Components to GeoJSON (.geojson) or CSV (.csv), WGS-84.",
            (services, file, ct) => services.GetRequiredService<ComponentExporter>().ExportAsync(file, new ConsoleProgress(), ct)));
        export.Subcommands.Add(Kind(run, "catalogue", "Catalogue classes and types to JSON (.json) or CSV (.csv).",
            (services, file, ct) => services.GetRequiredService<CatalogueExporter>().ExportAsync(file, ct)));
        return export;
    }

    private static Command Kind(VerbRunner runVerb, string name, string description, Func<IServiceProvider, string, CancellationToken, Task<long>> work)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The file to write (replaced if it exists); its extension selects the format." };
        var command = new Command(name, description) { file };
        command.SetAction((parse, cancellationToken) => runVerb(async (services, ct) =>
        {
            var path = parse.GetValue(file)!.FullName;
            try
            {
                var count = await work(services, path, ct);
                Console.WriteLine($"Exported {count:N0} {name} to {path}");
                return 0;
            }
            catch (ImportFileException exception)
            {
                await Console.Error.WriteLineAsync($"Nothing exported: {exception.Message}");
                return 3;
            }
        }, cancellationToken));
        return command;
    }
}
