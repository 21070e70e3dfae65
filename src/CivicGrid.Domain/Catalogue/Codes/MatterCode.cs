using CivicGrid.Domain.Geography;

namespace CivicGrid.Domain.Catalogue;

/// <summary>
/// A matter code (事项编码) after GB/T 47678.5-2026: the 6-digit division code of the district (or of a city
/// without districts) followed by the 5-digit matter type, 11 digits in all, e.g. <c>46010506010</c>
/// (秀英区, 06010 暴露垃圾).
/// </summary>
public readonly record struct MatterCode
{
    private const string Expected = "A matter code (GB/T 47678.5) has 11 digits: a 6-digit division code and a 5-digit type code";

    private readonly string? _value;

    private MatterCode(string value) => _value = value;

    /// <summary>The eleven digits.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The 6-digit district (or city) division code.</summary>
    public DivisionCode Division => DivisionCode.Parse(Value[..6]);

    /// <summary>The 5-digit matter type.</summary>
    public CatalogueCode Type => CatalogueCode.Parse(Value[6..]);

    /// <summary>Builds the matter code for a type in a district.</summary>
    /// <exception cref="ArgumentException"><paramref name="division"/> is not a 6-digit code, or <paramref name="type"/> is the default value.</exception>
    public static MatterCode For(DivisionCode division, CatalogueCode type)
    {
        CodeParts.RequireSixDigitDivision(division);
        CodeParts.RequireType(type);
        return new MatterCode(division.Value + type.Value);
    }

    /// <summary>Reads an 11-digit matter code. Returns false (never throws) on null, empty or malformed text.</summary>
    public static bool TryParse(string? text, out MatterCode code)
    {
        var valid = text is not null && FindProblem(text) is null;
        code = valid ? new MatterCode(text!) : default;
        return valid;
    }

    /// <summary>Reads an 11-digit matter code.</summary>
    /// <exception cref="FormatException">The text is not a valid matter code; the message says why.</exception>
    public static MatterCode Parse(string text)
    {
        var problem = text is null ? null : FindProblem(text);
        return text is not null && problem is null
            ? new MatterCode(text)
            : throw new FormatException(CodeText.Rejection(Expected, text, problem));
    }

    /// <summary>The eleven digits.</summary>
    public override string ToString() => Value;

    private static string? FindProblem(string text)
    {
        if (text.Length != 11)
        {
            return $"it has {text.Length} characters";
        }

        return CodeParts.FindProblem(text[..6], "division code", DivisionCode.FindProblem)
            ?? CodeParts.FindProblem(text[6..], "type code", CatalogueCode.FindProblem);
    }
}
