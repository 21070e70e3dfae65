using CivicGrid.Domain.Geography;

namespace CivicGrid.Domain.Catalogue;

/// <summary>
/// A component or matter type code (部件/事项类型代码) after GB/T 47678.5-2026: a 2-digit major class 01–99
/// followed by a 3-digit minor class 001–999, e.g. <c>01003</c> (01 市政公用设施, 003 雨水井盖).
/// The <c>default</c> value is not a code: <see cref="Value"/> is empty.
/// </summary>
public readonly record struct CatalogueCode
{
    private const string Expected = "A catalogue type code (GB/T 47678.5) has 5 digits: major class 01-99 and minor class 001-999";

    private readonly string? _value;

    private CatalogueCode(string value) => _value = value;

    /// <summary>The five digits.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The major class (大类), two digits, e.g. "01".</summary>
    public string Major => Value[..2];

    /// <summary>The minor class (小类), three digits, e.g. "003".</summary>
    public string Minor => Value[2..];

    /// <summary>Builds a code from its numeric parts, e.g. <c>For(1, 3)</c> is "01003".</summary>
    /// <exception cref="ArgumentOutOfRangeException">The major class is outside 1–99 or the minor class outside 1–999.</exception>
    public static CatalogueCode For(int major, int minor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(major, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(major, 99);
        ArgumentOutOfRangeException.ThrowIfLessThan(minor, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minor, 999);
        return new CatalogueCode(CodeText.Pad(major, 2) + CodeText.Pad(minor, 3));
    }

    /// <summary>Reads a 5-digit type code. Returns false (never throws) on null, empty or malformed text.</summary>
    public static bool TryParse(string? text, out CatalogueCode code)
    {
        var valid = text is not null && FindProblem(text) is null;
        code = valid ? new CatalogueCode(text!) : default;
        return valid;
    }

    /// <summary>Reads a 5-digit type code.</summary>
    /// <exception cref="FormatException">The text is not a valid type code; the message says why.</exception>
    public static CatalogueCode Parse(string text)
    {
        var problem = text is null ? null : FindProblem(text);
        return text is not null && problem is null
            ? new CatalogueCode(text)
            : throw new FormatException(CodeText.Rejection(Expected, text, problem));
    }

    /// <summary>The five digits.</summary>
    public override string ToString() => Value;

    /// <summary>Why <paramref name="text"/> is not a type code, or null when it is one.</summary>
    internal static string? FindProblem(string text)
    {
        if (text.Length != 5)
        {
            return $"it has {text.Length} characters";
        }

        if (!CodeText.IsDigits(text))
        {
            return "only the digits 0-9 are allowed";
        }

        if (CodeText.IsAllZeros(text.AsSpan(0, 2)))
        {
            return "the major class must not be 00";
        }

        return CodeText.IsAllZeros(text.AsSpan(2, 3)) ? "the minor class must not be 000" : null;
    }
}
