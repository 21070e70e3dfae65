using CivicGrid.Domain.Evaluation;
using CivicGrid.Server.Features.Calendar;
using CivicGrid.Server.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using CivicGrid.Server.Platform.Errors;
using CivicGrid.Server.Platform.Web.Localisation;

namespace CivicGrid.Server.Features.Evaluation;

public static class EvaluationHandlers
{
    public static async Task<Results<Ok<EvaluationTable>, ValidationProblem>> Table(
        string kind, string? period, StaffPrincipal who, EvaluationService evaluation, CityCalendar calendars, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var subject = Kind(kind, errors, evaluatedOnly: true);
        var range = await PeriodAsync(period, errors, calendars, time, cancellationToken);
        errors.ThrowIfAny();
        return TypedResults.Ok(await evaluation.TableAsync(subject, range!, who.Scope, cancellationToken));
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(
        string kind, string? period, string? format, StaffPrincipal who, EvaluationService evaluation, CityCalendar calendars, TimeProvider time,
        UiText text, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var subject = Kind(kind, errors, evaluatedOnly: true);
        var range = await PeriodAsync(period, errors, calendars, time, cancellationToken);
        var csv = format?.ToLowerInvariant() switch
        {
            null or "" or "xlsx" => false,
            "csv" => true,
            _ => Error(errors, "format", "format must be xlsx or csv."),
        };
        errors.ThrowIfAny();
        var table = await evaluation.TableAsync(subject, range!, who.Scope, cancellationToken);
        using var buffer = new MemoryStream();
        if (csv) await EvaluationExport.WriteCsvAsync(table, buffer, cancellationToken);
        else
        {
            var language = UiText.CurrentLanguage;
            var scope = await evaluation.ScopeNameAsync(who.Scope, cancellationToken) ?? text.Get(language, "export.scope.city");
            await EvaluationWorkbook.WriteAsync(table, scope, text, language, buffer, cancellationToken);
        }
        var name = $"evaluation-{table.Kind}-{table.Period.Replace("..", "_", StringComparison.Ordinal)}.{(csv ? "csv" : "xlsx")}";
        return TypedResults.File(buffer.ToArray(),
            csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    public static async Task<Results<Ok<DrillDownPage>, ValidationProblem>> Cases(
        string? kind, string? key, string? measure, string? period, int? page, int? pageSize, string? sort, string? order, StaffPrincipal who, EvaluationDrillDown drillDown,
        CityCalendar calendars, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var subject = Kind(kind, errors, evaluatedOnly: false);
        var range = await PeriodAsync(period, errors, calendars, time, cancellationToken);
        if (!Enum.TryParse<EvaluationMeasure>(measure, ignoreCase: true, out var counter) || !Enum.IsDefined(counter) || int.TryParse(measure, out _))
        {
            Error(errors, "measure", $"measure must be one of {string.Join(", ", EvaluationMeasures.All.Select(EvaluationDrillDown.Camel))}.");
        }
        if (page is < 1 || (long)((page ?? 1) - 1) * (pageSize ?? 50) > int.MaxValue) Error(errors, "page", "page must be 1 or more, and not beyond any possible last page.");
        if (pageSize is < 1 or > 500) Error(errors, "pageSize", "pageSize must be between 1 and 500.");
        if (key is { Length: > 20 }) Error(errors, "key", "key is at most 20 characters.");
        if (!DrillDownRows.TryParse(sort, out var by))
            Error(errors, "sort", $"sort must be one of {string.Join(", ", Enum.GetValues<DrillDownSort>().Select(DrillDownRows.Code))}.");
        var descending = order?.ToLowerInvariant() switch
        {
            null or "" => by is DrillDownSort.Event or DrillDownSort.Created,
            "desc" => true,
            "asc" => false,
            _ => Error(errors, "order", "order must be asc or desc."),
        };
        errors.ThrowIfAny();
        return TypedResults.Ok(await drillDown.CasesAsync(subject, string.IsNullOrWhiteSpace(key) ? null : key.Trim(), counter, range!, who.Scope,
            page ?? 1, pageSize ?? 50, cancellationToken, by, descending));
    }

    public static async Task<Ok<EvaluationSettings>> Settings(EvaluationService evaluation, CancellationToken cancellationToken) =>
        TypedResults.Ok(await evaluation.SettingsAsync(cancellationToken));

    public static async Task<Results<Ok<Dashboard>, ValidationProblem>> Dashboard(
        string? period, string? interval, int? hotspots, int? top, StaffPrincipal who, DashboardService dashboard, CityCalendar calendars,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var range = await PeriodAsync(period, errors, calendars, time, cancellationToken);
        var weekly = interval?.ToLowerInvariant() switch
        {
            null or "" or "day" => false,
            "week" => true,
            _ => Error(errors, "interval", "interval must be day or week."),
        };
        if (hotspots is < 1 or > 5000) Error(errors, "hotspots", "hotspots must be between 1 and 5000.");
        if (top is < 1 or > 100) Error(errors, "top", "top must be between 1 and 100.");
        errors.ThrowIfAny();
        return TypedResults.Ok(await dashboard.GetAsync(range!, weekly, hotspots ?? 200, top ?? 10, who.Scope, cancellationToken));
    }

    private static EvaluationSubjectKind Kind(string? text, FieldErrors errors, bool evaluatedOnly)
    {
        if (EvaluationSubjectKinds.TryParse(text, out var kind) && (!evaluatedOnly || kind.IsEvaluated()) && !int.TryParse(text, out _)) return kind;
        var allowed = Enum.GetValues<EvaluationSubjectKind>().Where(k => !evaluatedOnly || k.IsEvaluated()).Select(k => k.ToCode());
        Error(errors, "kind", $"kind must be one of {string.Join(", ", allowed)}.");
        return default;
    }

    /// <summary>The period asked for, or the current month in the city's time.</summary>
    private static async Task<EvaluationPeriod?> PeriodAsync(string? text, FieldErrors errors, CityCalendar calendars, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            var zone = (await calendars.GetAsync(cancellationToken)).Zone;
            var today = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone);
            return EvaluationPeriod.Month(today.Year, today.Month);
        }
        if (EvaluationPeriod.TryParse(text, out var period)) return period;
        Error(errors, "period", "period must be a month (2026-11), a quarter (2026-Q4), a year (2026) or a range (2026-11-01..2026-11-15, at most 10 years).");
        return null;
    }

    private static bool Error(FieldErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return false;
    }
}
