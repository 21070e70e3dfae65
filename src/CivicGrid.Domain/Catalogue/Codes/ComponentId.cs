using CivicGrid.Domain.Geography;

namespace CivicGrid.Domain.Catalogue;

/// <summary>
/// A component identifier (部件标识码) after GB/T 47678.5-2026: the 6-digit division code of the district
/// (or of a city without districts), the 5-digit component type and a 6-digit serial 000001–999999,
/// 17 digits in all, e.g. <c>46010501003000001</c> (秀英区, 01003 雨水井盖, No. 1).
/// For the older 16-digit GB/T 30428.2 form see <see cref="TryParseLegacy"/>.
/// </summary>
public readonly record struct ComponentId
{
    private const string Expected = "A component ID (GB/T 47678.5) has 17 digits: a 6-digit division code, a 5-digit type code and a 6-digit serial";

    private readonly string? _value;

    private ComponentId(string value) => _value = value;

    /// <summary>The seventeen digits.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The 6-digit district (or city) division code.</summary>
    public DivisionCode Division => DivisionCode.Parse(Value[..6]);

    /// <summary>The 5-digit component type.</summary>
    public CatalogueCode Type => CatalogueCode.Parse(Value[6..11]);

    /// <summary>The serial number within district and type, 1–999,999.</summary>
    public int Serial => CodeText.ToNumber(Value.AsSpan(11));

    /// <summary>Builds the identifier of the <paramref name="serial"/>-th component of a type in a district.</summary>
    /// <exception cref="ArgumentException"><paramref name="district"/> is not a 6-digit code, or <paramref name="type"/> is the default value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="serial"/> is outside 1–999,999.</exception>
    public static ComponentId For(DivisionCode district, CatalogueCode type, int serial)
    {
        CodeParts.RequireSixDigitDivision(district);
        CodeParts.RequireType(type);
        ArgumentOutOfRangeException.ThrowIfLessThan(serial, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 999_999);
        return new ComponentId(district.Value + type.Value + CodeText.Pad(serial, 6));
    }

    /// <summary>Reads a 17-digit component ID. Returns false (never throws) on null, empty or malformed text.</summary>
    public static bool TryParse(string? text, out ComponentId id)
    {
        var valid = text is not null && FindProblem(text) is null;
        id = valid ? new ComponentId(text!) : default;
        return valid;
    }

    /// <summary>Reads a 17-digit component ID.</summary>
    /// <exception cref="FormatException">The text is not a valid component ID; the message says why.</exception>
    public static ComponentId Parse(string text)
    {
        var problem = text is null ? null : FindProblem(text);
        return text is not null && problem is null
            ? new ComponentId(text)
            : throw new FormatException(CodeText.Rejection(Expected, text, problem));
    }

    /// <summary>
    /// Reads the older 16-digit GB/T 30428.2 form (6 + 2 + 2 + 6), e.g. <c>3205080101000001</c>.
    /// Returns false (never throws) on null, empty or malformed text.
    /// </summary>
    public static bool TryParseLegacy(string? text, out LegacyComponentId legacy) => LegacyComponentId.TryParse(text, out legacy);

    /// <summary>The seventeen digits.</summary>
    public override string ToString() => Value;

    private static string? FindProblem(string text)
    {
        if (text.Length != 17)
        {
            return $"it has {text.Length} characters";
        }

        return CodeParts.FindProblem(text[..6], "division code", DivisionCode.FindProblem)
            ?? CodeParts.FindProblem(text[6..11], "type code", CatalogueCode.FindProblem)
            ?? CodeParts.FindSerialProblem(text[11..]);
    }
}
