using System.CommandLine;
using CivicGrid.Domain.Calendar.Import;
using CivicGrid.Server.Platform.Cli;
using CivicGrid.Server.Platform.LiveUpdates;

namespace CivicGrid.Server.Features.Calendar;

/// <summary>`import calendar FILE [--format csv|ics]`: adds or replaces the special days in a CSV (date,kind,name) or
/// iCalendar file; dates not in the file are kept. Exit codes: 0 imported; 1 the file has errors, nothing imported;
/// 3 unreadable file. See docs/operations.md, "Working calendar".</summary>
public static class CalendarImportCommand
{
    public static Command Create(VerbRunner run)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The calendar file (.csv or .ics)." };
        var format = new Option<string?>("--format") { Description = "csv or ics (default: from the file's extension)." };
        var command = new Command("calendar", "Working-calendar days (holidays, adjusted working days) from CSV or iCalendar.") { file, format };
        command.SetAction((parse, cancellationToken) => run(async (services, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (CalendarFile.FormatOf(parse.GetValue(format) ?? path.Name) is not { } kind)
            {
                await Console.Error.WriteLineAsync("Nothing imported: give --format csv or ics (the extension does not say).");
                return 3;
            }

            string text;
            try
            {
                text = await File.ReadAllTextAsync(path.FullName, ct);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"Nothing imported: {exception.Message}");
                return 3;
            }

            var calendarFile = CalendarFile.Read(text, kind);
            if (!calendarFile.IsValid || calendarFile.Days.Count == 0)
            {
                await Console.Error.WriteLineAsync("Nothing imported:");
                foreach (var error in calendarFile.IsValid ? ["The file holds no days."] : calendarFile.Errors) await Console.Error.WriteLineAsync("  " + error);
                return 1;
            }

            var summary = await services.GetRequiredService<CalendarAdministration>().ImportAsync(calendarFile, "cli", ct);
            await services.GetRequiredService<ClusterSignals>().ReferenceDataChangedAsync("cli", ct);
            Console.WriteLine($"Calendar: {summary.Added} days added, {summary.Updated} updated, {summary.Unchanged} unchanged.");
            var coverage = await services.GetRequiredService<CityCalendar>().CoverageAsync(services.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
            if (coverage.Warning is { } warning) Console.WriteLine("Warning: " + warning);
            return 0;
        }, cancellationToken));
        return command;
    }
}
