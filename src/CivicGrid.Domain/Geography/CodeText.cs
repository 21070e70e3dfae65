using System.Globalization;

namespace CivicGrid.Domain.Geography;

/// <summary>Character checks and formatting shared by the fixed-width numeric codes.</summary>
internal static class CodeText
{
    public static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var character in text)
        {
            if (!char.IsAsciiDigit(character))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsAllZeros(ReadOnlySpan<char> text) => !text.ContainsAnyExcept('0');

    /// <summary>Reads a run of ASCII digits already checked by <see cref="IsDigits"/>.</summary>
    public static int ToNumber(ReadOnlySpan<char> digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Formats a non-negative number with leading zeros to exactly <paramref name="width"/> digits.</summary>
    public static string Pad(int number, int width) => number.ToString("D" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>The standard "expected X; got 'Y': why" message for a <see cref="FormatException"/>.</summary>
    public static string Rejection(string expected, string? text, string? problem)
    {
        var shown = text is null ? "null" : $"'{(text.Length > 40 ? text[..40] + "…" : text)}'";
        return problem is null ? $"{expected}; got {shown}." : $"{expected}; got {shown}: {problem}.";
    }
}
