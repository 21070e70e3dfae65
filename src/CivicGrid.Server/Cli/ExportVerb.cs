using System.CommandLine;
using CivicGrid.Server.Features.Import;

namespace CivicGrid.Server.Cli;

/// <summary>`export boundaries|grids|components|catalogue FILE`: writes the format the importer reads, chosen by the
/// extension (.geojson, .json, .csv). Exit code 3 when the extension does not fit.</summary>
public static class ExportVerb
{
    public static Command Create()
    {
        var export = new Command("export", "Export data to a file in the format `import` reads. See docs/data-formats.md.");
        export.Subcommands.Add(Kind("boundaries", "Districts, streets and communities to GeoJSON.",
            (services, file, ct) => services.GetRequiredService<BoundaryExporter>().ExportAsync(file, ct)));
        export.Subcommands.Add(Kind("grids", "Unit grids to GeoJSON.",
            (services, file, ct) => services.GetRequiredService<GridExporter>().ExportAsync(file, ct)));
        export.Subcommands.Add(Kind("components", "Components to GeoJSON (.geojson) or CSV (.csv), WGS-84.",
            (services, file, ct) => services.GetRequiredService<ComponentExporter>().ExportAsync(file, new ConsoleProgress(), ct)));
        export.Subcommands.Add(Kind("catalogue", "Catalogue classes and types to JSON (.json) or CSV (.csv).",
            (services, file, ct) => services.GetRequiredService<CatalogueExporter>().ExportAsync(file, ct)));
        return export;
    }

    private static Command Kind(string name, string description, Func<IServiceProvider, string, CancellationToken, Task<long>> run)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The file to write (replaced if it exists); its extension selects the format." };
        var command = new Command(name, description) { file };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, ct) =>
        {
            var path = parse.GetValue(file)!.FullName;
            try
            {
                var count = await run(services, path, ct);
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
