using CivicGrid.Domain.Geography;

namespace CivicGrid.Domain.Catalogue;

/// <summary>
/// A component identifier in the older GB/T 30428.2 form (replaced by GB/T 47678.5-2026): 16 digits =
/// 6-digit division code + 2-digit major class + 2-digit minor class + 6-digit serial, e.g.
/// <c>3205080101000001</c> = division 320508, major 01 public facilities (公用设施), minor 01 water-supply manhole cover (供水井盖), serial 1. Kept for importing old data; the mapping of
/// old minor classes to new 3-digit ones is a catalogue decision, not a text rule, so no conversion is offered here.
/// </summary>
public readonly record struct LegacyComponentId
{
    private const string Expected = "A legacy component ID (GB/T 30428.2) has 16 digits: a 6-digit division code, a 2-digit major class, a 2-digit minor class and a 6-digit serial";

    private readonly string? _value;

    private LegacyComponentId(string value) => _value = value;

    /// <summary>The sixteen digits.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The 6-digit division code.</summary>
    public DivisionCode Division => DivisionCode.Parse(Value[..6]);

    /// <summary>The 2-digit major class, e.g. "01".</summary>
    public string Major => Value[6..8];

    /// <summary>The 2-digit minor class, e.g. "01".</summary>
    public string Minor => Value[8..10];

    /// <summary>The serial number, 1–999,999.</summary>
    public int Serial => CodeText.ToNumber(Value.AsSpan(10));

    /// <summary>Reads a 16-digit legacy component ID. Returns false (never throws) on null, empty or malformed text.</summary>
    public static bool TryParse(string? text, out LegacyComponentId id)
    {
        var valid = text is not null && FindProblem(text) is null;
        id = valid ? new LegacyComponentId(text!) : default;
        return valid;
    }

    /// <summary>Reads a 16-digit legacy component ID.</summary>
    /// <exception cref="FormatException">The text is not a valid legacy component ID; the message says why.</exception>
    public static LegacyComponentId Parse(string text)
    {
        var problem = text is null ? null : FindProblem(text);
        return text is not null && problem is null
            ? new LegacyComponentId(text)
            : throw new FormatException(CodeText.Rejection(Expected, text, problem));
    }

    /// <summary>The sixteen digits.</summary>
    public override string ToString() => Value;

    private static string? FindProblem(string text)
    {
        if (text.Length != 16)
        {
            return $"it has {text.Length} characters";
        }

        if (!CodeText.IsDigits(text))
        {
            return "only the digits 0-9 are allowed";
        }

        if (CodeParts.FindProblem(text[..6], "division code", DivisionCode.FindProblem) is { } divisionProblem)
        {
            return divisionProblem;
        }

        if (CodeText.IsAllZeros(text.AsSpan(6, 2)))
        {
            return "the major class must not be 00";
        }

        if (CodeText.IsAllZeros(text.AsSpan(8, 2)))
        {
            return "the minor class must not be 00";
        }

        return CodeParts.FindSerialProblem(text[10..]);
    }
}
