using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Server.Platform.Errors;

namespace CivicGrid.Server.Features.Cases;

/// <summary>Filters, paging and sorting of GET /api/v1/cases and of the case list pages (through
/// <see cref="CaseViews.ListAsync"/>); every parameter optional.</summary>
public sealed record CaseQuery(
    string? Status, string? Stage, string? Kind, string? Type, string? District, string? Street, string? Grid,
    int? Department, string? Light, string? Channel, DateTimeOffset? CreatedFrom, DateTimeOffset? CreatedTo, string? Q,
    int? Page, int? PageSize, string? Sort, string? After = null)
{
    public const int MaxPageSize = 200;

    /// <summary>Applies the filters; adds a message per bad parameter to <paramref name="errors"/>.</summary>
    public IQueryable<Case> Apply(IQueryable<Case> cases, DateTimeOffset now, FieldErrors errors)
    {
        if (!string.IsNullOrEmpty(Status))
        {
            var statuses = ParseList<CaseStatus>(Status, "status", errors);
            cases = cases.Where(c => statuses.Contains(c.Status));
        }
        if (!string.IsNullOrEmpty(Stage))
        {
            if (Enum.TryParse<CaseStage>(Stage, ignoreCase: true, out var stage))
            {
                var statuses = CaseStages.StatusesOf(stage);
                cases = cases.Where(c => statuses.Contains(c.Status));
            }
            else errors.Add("stage", $"stage must be one of {string.Join(", ", Enum.GetNames<CaseStage>())}.");
        }
        if (!string.IsNullOrEmpty(Kind))
        {
            if (Enum.TryParse<CatalogueKind>(Kind, ignoreCase: true, out var kind)) cases = cases.Where(c => c.Kind == kind);
            else errors.Add("kind", "kind must be matter or component.");
        }
        if (!string.IsNullOrEmpty(Type)) cases = cases.Where(c => c.TypeCode == Type);
        if (!string.IsNullOrEmpty(District)) cases = cases.Where(c => c.DistrictCode == District);
        if (!string.IsNullOrEmpty(Street)) cases = cases.Where(c => c.StreetCode == Street);
        if (!string.IsNullOrEmpty(Grid)) cases = cases.Where(c => c.GridCode == Grid);
        if (Department is { } department) cases = cases.Where(c => c.DepartmentId == department);
        if (!string.IsNullOrEmpty(Channel))
        {
            var channels = ParseList<CaseChannel>(Channel, "channel", errors);
            cases = cases.Where(c => channels.Contains(c.Channel));
        }
        if (CreatedFrom is { } from) cases = cases.Where(c => c.CreatedAt >= from);
        if (CreatedTo is { } to) cases = cases.Where(c => c.CreatedAt < to);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim();
            cases = cases.Where(c => c.Number.Contains(text) || c.Description.Contains(text) || (c.Address != null && c.Address.Contains(text)));
        }
        cases = Light?.ToLowerInvariant() switch
        {
            null or "" => cases,
            "red" => cases.Where(c => c.StageDueAt != null && c.StageDueAt < now),
            "yellow" => cases.Where(c => c.StageDueAt != null && c.StageYellowAt <= now && c.StageDueAt >= now),
            "green" => cases.Where(c => c.StageYellowAt != null && c.StageYellowAt > now),
            _ => Invalid(cases, errors, "light", "light must be green, yellow or red."),
        };
        return Sort?.ToLowerInvariant() switch
        {
            null or "" or "-createdat" => cases.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id),
            "createdat" => cases.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
            "dueat" => cases.OrderBy(c => c.StageDueAt == null).ThenBy(c => c.StageDueAt).ThenBy(c => c.Id),
            "number" => cases.OrderBy(c => c.Number),
            "-number" => cases.OrderByDescending(c => c.Number),
            _ => Invalid(cases, errors, "sort", "sort must be createdAt, -createdAt, dueAt, number or -number."),
        };
    }

    /// <summary>The keyset cursor <c>after</c> (the <c>next</c> of a previous page), for the created-at orders only and
    /// instead of <c>page</c>; null when not given or bad (with a message in <paramref name="errors"/>).</summary>
    public CaseCursor? Cursor(FieldErrors errors)
    {
        if (string.IsNullOrEmpty(After)) return null;
        if (!CaseCursor.TryParse(After, out var cursor)) errors.Add("after", "after must be the next value of a previous page.");
        else if (Page is not null) errors.Add("after", "after replaces page: give one of them.");
        else if (!OrderedByCreation) errors.Add("after", "after pages only the createdAt orders (sort createdAt or -createdAt).");
        else return cursor;
        return null;
    }

    /// <summary>Whether the list runs by creation time (either way), the orders a cursor can page.</summary>
    public bool OrderedByCreation => OldestFirst || Sort?.ToLowerInvariant() is null or "" or "-createdat";

    private bool OldestFirst => Sort?.ToLowerInvariant() == "createdat";

    /// <summary>The cases after <paramref name="cursor"/> in this query's order.</summary>
    public IQueryable<Case> Beyond(IQueryable<Case> cases, CaseCursor cursor) => OldestFirst ? cursor.Newer(cases) : cursor.Older(cases);

    public (int Page, int PageSize) Paging(FieldErrors errors)
    {
        if (Page is < 1) errors.Add("page", "page starts at 1.");
        if (PageSize is < 1 or > MaxPageSize) errors.Add("pageSize", $"pageSize must be between 1 and {MaxPageSize}.");
        // A page past int.MaxValue rows would wrap round to a first page.
        else if (Page is > 1 && (long)(Page.Value - 1) * (PageSize ?? 50) > int.MaxValue) errors.Add("page", "page is beyond any possible last page.");
        return (Page ?? 1, PageSize ?? 50);
    }

    private static IQueryable<Case> Invalid(IQueryable<Case> cases, FieldErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return cases.OrderBy(c => c.Id);
    }

    private static List<T> ParseList<T>(string text, string field, FieldErrors errors) where T : struct, Enum
    {
        var values = new List<T>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Enum.TryParse<T>(part.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var value)) values.Add(value);
            else errors.Add(field, $"{field} '{part}' is not one of {string.Join(", ", Enum.GetNames<T>())}.");
        }
        return values;
    }
}
