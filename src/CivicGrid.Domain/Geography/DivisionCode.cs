namespace CivicGrid.Domain.Geography;

/// <summary>
/// An administrative division code (行政区划代码) after GB/T 2260, extended to streets and communities:
/// 6 digits for a city (<c>xxxx00</c>) or district/county, 9 digits (6 + 3) for a street/town,
/// 12 digits (6 + 3 + 3) for a community/village. Province-level codes (<c>xx0000</c>) are not accepted,
/// and no part may be all zeros.
/// A street may hang directly under a city that has no districts (东莞 441900, 儋州 460400); its
/// <see cref="Parent"/> is then the city. The <c>default</c> value is not a code: <see cref="Value"/> is empty and the
/// hierarchy members throw <see cref="InvalidOperationException"/>.
/// </summary>
public readonly record struct DivisionCode
{
    private const string Expected = "A division code (GB/T 2260) has 6, 9 or 12 digits";

    private readonly string? _value;

    private DivisionCode(string value) => _value = value;

    /// <summary>The digits of the code.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>City, district, street or community, from the length and, for 6 digits, the last two digits.</summary>
    public AdministrativeLevel Level => Digits.Length switch
    {
        12 => AdministrativeLevel.Community,
        9 => AdministrativeLevel.Street,
        _ => Digits.EndsWith("00", StringComparison.Ordinal) ? AdministrativeLevel.City : AdministrativeLevel.District,
    };

    /// <summary>
    /// The enclosing division: community → street (first 9 digits) → first 6 digits (district, or city where there are no
    /// districts) → city (first 4 digits + "00"). A city has no parent here (provinces are out of scope).
    /// </summary>
    public DivisionCode? Parent => Level switch
    {
        AdministrativeLevel.Community => new DivisionCode(Digits[..9]),
        AdministrativeLevel.Street => new DivisionCode(Digits[..6]),
        AdministrativeLevel.District => CityCode,
        _ => null,
    };

    /// <summary>The prefecture-level city: the first 4 digits followed by "00" (the code itself for a city).</summary>
    public DivisionCode CityCode => new(Digits[..4] + "00");

    /// <summary>The first 6 digits: the county-level district (or, for a city or a street directly under a city, the city).</summary>
    public DivisionCode DistrictCode => new(Digits[..6]);

    private string Digits => _value ?? throw new InvalidOperationException("This DivisionCode is the default value, not a parsed code.");

    /// <summary>True when <paramref name="other"/> lies strictly inside this division (a code is not its own ancestor).</summary>
    public bool IsAncestorOf(DivisionCode other)
    {
        if (_value is null || other._value is null)
        {
            return false;
        }

        for (var ancestor = other.Parent; ancestor is { } found; ancestor = found.Parent)
        {
            if (found == this)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads a 6, 9 or 12-digit division code. Returns false (never throws) on null, empty or malformed text.</summary>
    public static bool TryParse(string? text, out DivisionCode code)
    {
        var valid = text is not null && FindProblem(text) is null;
        code = valid ? new DivisionCode(text!) : default;
        return valid;
    }

    /// <summary>Reads a 6, 9 or 12-digit division code.</summary>
    /// <exception cref="FormatException">The text is not a valid division code; the message says why.</exception>
    public static DivisionCode Parse(string text)
    {
        var problem = text is null ? null : FindProblem(text);
        return text is not null && problem is null
            ? new DivisionCode(text)
            : throw new FormatException(CodeText.Rejection(Expected, text, problem));
    }

    /// <summary>The code's digits.</summary>
    public override string ToString() => Value;

    /// <summary>Why <paramref name="text"/> is not a division code, or null when it is one.</summary>
    internal static string? FindProblem(string text)
    {
        if (text.Length is not (6 or 9 or 12))
        {
            return $"it has {text.Length} characters";
        }

        if (!CodeText.IsDigits(text))
        {
            return "only the digits 0-9 are allowed";
        }

        if (CodeText.IsAllZeros(text.AsSpan(0, 2)))
        {
            return "the province part must not be 00";
        }

        if (CodeText.IsAllZeros(text.AsSpan(2, 2)))
        {
            return "the prefecture part must not be 00 (province-level codes are not supported)";
        }

        if (text.Length >= 9 && CodeText.IsAllZeros(text.AsSpan(6, 3)))
        {
            return "the street part must not be 000";
        }

        return text.Length == 12 && CodeText.IsAllZeros(text.AsSpan(9, 3)) ? "the community part must not be 000" : null;
    }
}
