using System.Globalization;
using System.Text;

namespace CivicGrid.Server.Platform.Attachments;

/// <summary>The client's file name, kept as metadata only: the last path segment, without control or
/// formatting characters (a right-to-left override could disguise "gpj.exe"), at most 255 characters.</summary>
public static class OriginalFileName
{
    public const int MaxLength = 255;

    public static string? Sanitise(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var lastSegment = name.Replace('\\', '/').Split('/')[^1];
        var kept = new StringBuilder(lastSegment.Length);
        foreach (var character in lastSegment)
        {
            var category = char.GetUnicodeCategory(character);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator) continue;
            kept.Append(character);
        }
        var result = kept.ToString().Trim().TrimStart('.');
        if (result.Length > MaxLength) result = result[..MaxLength];
        if (result.Length > 0 && char.IsHighSurrogate(result[^1])) result = result[..^1];
        return result.Length == 0 ? null : result;
    }
}
