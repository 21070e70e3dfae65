using System.Globalization;

namespace CivicGrid.Server.Features.Open311;

/// <summary>Query parameters as the spec reads them: an empty or blank value is the same as a missing one; problems
/// are collected as messages naming the parameter.</summary>
public sealed class Open311Parameters(HttpRequest request)
{
    public List<string> Errors { get; } = [];

    public string? this[string name] => request.Query[name].ToString() is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>The comma-separated items of a list parameter, blanks dropped.</summary>
    public List<string> List(string name) =>
        this[name]?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList() ?? [];

    public int Int(string name, int defaultValue, int min, int max)
    {
        if (this[name] is not { } text) return defaultValue;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        Errors.Add($"{name} must be a whole number between {min} and {max}.");
        return defaultValue;
    }

    public bool Bool(string name)
    {
        switch (this[name]?.ToLowerInvariant())
        {
            case null or "false" or "0": return false;
            case "true" or "1": return true;
            default:
                Errors.Add($"{name} must be true or false.");
                return false;
        }
    }

    public DateTimeOffset? Date(string name, Open311Dates dates)
    {
        if (this[name] is not { } text) return null;
        if (dates.TryParse(name, text, out var instant, out var error)) return instant;
        Errors.Add(error!);
        return null;
    }
}
