using System.Globalization;
using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Calendar.Import;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using CivicGrid.Server.Platform.Errors;

namespace CivicGrid.Server.Features.Calendar;

/// <summary>The working calendar on the internal API: any staff member reads it (with its coverage); administrators
/// set or delete one day, or import a CSV or iCalendar file (docs/operations.md, "Working calendar").</summary>
public static class CalendarEndpoints
{
    /// <summary>The largest calendar file accepted (a decade of holidays is a few kilobytes).</summary>
    public const int MaxFileBytes = 1024 * 1024;

    public sealed record CalendarDayDto(string Date, string Kind, string Name)
    {
        public static CalendarDayDto From(CalendarDay d) =>
            new(d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CalendarCsv.CodeOf(d.Kind), d.Name);
    }

    public sealed record CalendarDto(string TimeZone, string? CoveredThrough, bool CoversNext60Days, string? Warning,
        IReadOnlyList<int> CoveredYears, IReadOnlyList<CalendarDayDto> Days);

    public sealed record DayRequest(string? Kind, string? Name);

    public sealed record ImportResponse(int Added, int Updated, int Unchanged, string? CoveredThrough, bool CoversNext60Days, string? Warning);

    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        var all = Enum.GetValues<Roles>().Where(r => r != Roles.None).Aggregate(Roles.None, (a, r) => a | r);
        app.MapGet("/api/v1/calendar", Read).WithTags("Calendar").RequireStaff(all).WithName("GetCalendar")
            .WithSummary("The working calendar's special days (kind holiday or working_day), the years it covers and whether it covers the next 60 days.");
        var admin = app.MapGroup("/api/v1/calendar").WithTags("Calendar").RequireStaff(Roles.Administrator);
        admin.MapPut("/days/{date}", SaveDay).WithName("SaveCalendarDay")
            .WithSummary("Sets one date (yyyy-MM-dd): {kind: holiday|working_day, name}. Replaces an existing entry.");
        admin.MapDelete("/days/{date}", DeleteDay).WithName("DeleteCalendarDay").WithSummary("Removes one date's entry.");
        admin.MapPost("/import", Import).WithName("ImportCalendar")
            .Accepts<string>("text/csv", "text/calendar") // a file, not JSON: declared so the API request guard lets it in
            .WithSummary("Imports a calendar file as the body: Content-Type text/csv (date,kind,name) or text/calendar (iCalendar all-day events). Adds or replaces the dates in the file; other dates are kept.");
        return app;
    }

    private static async Task<Ok<CalendarDto>> Read(CalendarAdministration calendar, CityCalendar city, TimeProvider time, CancellationToken cancellationToken)
    {
        var working = await city.GetAsync(cancellationToken);
        var coverage = CalendarCoverage.Of(working, time.GetUtcNow());
        var days = await calendar.ListAsync(cancellationToken);
        return TypedResults.Ok(new CalendarDto(working.Zone.Id, Text(coverage.CoveredThrough), coverage.CoversAhead, coverage.Warning,
            coverage.CoveredYears, days.Select(CalendarDayDto.From).ToList()));
    }

    private static async Task<Results<Ok<CalendarDayDto>, ValidationProblem, ProblemHttpResult>> SaveDay(
        string date, DayRequest? body, StaffPrincipal who, CalendarAdministration calendar, CancellationToken cancellationToken)
    {
        if (ParseDate(date) is not { } day) return DateProblem();
        var result = await calendar.SaveDayAsync(day, body?.Kind, body?.Name, who.UserName, cancellationToken);
        return result.ToHttp(CalendarDayDto.From);
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> DeleteDay(
        string date, StaffPrincipal who, CalendarAdministration calendar, CancellationToken cancellationToken)
    {
        if (ParseDate(date) is not { } day) return DateProblem();
        return await calendar.DeleteDayAsync(day, who.UserName, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<ImportResponse>, ValidationProblem, ProblemHttpResult>> Import(
        HttpRequest request, StaffPrincipal who, CalendarAdministration calendar, CityCalendar city, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (CalendarFile.FormatOf(request.ContentType) is not { } format)
        {
            return TypedResults.Problem(title: "Unsupported Media Type", statusCode: StatusCodes.Status415UnsupportedMediaType,
                detail: "Send the file as text/csv or text/calendar.");
        }

        if (request.ContentLength > MaxFileBytes) return FileProblem($"The file is larger than {MaxFileBytes / 1024} KB.");
        var buffer = new char[MaxFileBytes + 1];
        using var reader = new StreamReader(request.Body);
        var length = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        if (length > MaxFileBytes) return FileProblem($"The file is larger than {MaxFileBytes / 1024} KB.");
        var file = CalendarFile.Read(new string(buffer, 0, length), format);
        if (!file.IsValid) throw FieldErrors.Invalid("file", [.. file.Errors]);
        if (file.Days.Count == 0) return FileProblem("The file holds no days.");

        var summary = await calendar.ImportAsync(file, who.UserName, cancellationToken);
        var coverage = await city.CoverageAsync(time.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(new ImportResponse(summary.Added, summary.Updated, summary.Unchanged, Text(coverage.CoveredThrough),
            coverage.CoversAhead, coverage.Warning));
    }

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string? Text(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ValidationProblem DateProblem() =>
        TypedResults.ValidationProblem(FieldErrors.One("date", "date must be yyyy-MM-dd."));

    private static ValidationProblem FileProblem(string message) =>
        TypedResults.ValidationProblem(FieldErrors.One("file", message));
}
