namespace CivicGrid.Domain.Geography;

/// <summary>
/// The code of a unit grid (单元网格编码, the "万米单元网格"), in one of three forms:
/// <list type="bullet">
/// <item>14 digits: a 12-digit community code and a 2-digit serial 01–99 (CJ/T 213, GB/T 30428.1);</item>
/// <item>15 digits: a 12-digit community code and a 3-digit serial 001–999 (Beijing practice);</item>
/// <item>15 characters of <c>[0-9A-Z]</c> with at least one letter: a GB/T 47678.3-2026 grid identifier.</item>
/// </list>
/// A 15-character code made only of digits is always read as the numeric form and must be valid as such.
/// Letters must be upper case: lower-case input is rejected rather than normalised, so <see cref="Value"/>
/// is always exactly the text that was parsed. Serials run west→east, north→south within the community.
/// </summary>
public readonly record struct UnitGridCode
{
    private const string Expected = "A unit grid code has 14 or 15 digits, or 15 characters [0-9A-Z]";
    private const int CommunityLength = 12;

    private readonly string? _value;

    private UnitGridCode(string value) => _value = value;

    /// <summary>The code as text.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for the 14- and 15-digit forms (community code + serial).</summary>
    public bool IsNumeric => Value.Length > 0 && CodeText.IsDigits(Value);

    /// <summary>
    /// The community (社区/村) the grid belongs to: the first 12 digits for the numeric forms; for the alphanumeric
    /// form the first 12 characters when they happen to form a valid community code, else null.
    /// </summary>
    public DivisionCode? Community =>
        Value.Length > CommunityLength && DivisionCode.TryParse(Value[..CommunityLength], out var community) ? community : null;

    /// <summary>The serial within the community (1–999) for the numeric forms; null for the alphanumeric form.</summary>
    public int? Serial => IsNumeric ? CodeText.ToNumber(Value.AsSpan(CommunityLength)) : null;

    /// <summary>
    /// Builds the numeric code for a grid in a community: 14 digits when <paramref name="serial"/> ≤ 99, else 15 digits.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="community"/> is not a 12-digit community code.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="serial"/> is outside 1–999.</exception>
    public static UnitGridCode For(DivisionCode community, int serial) => For(community, serial, serial <= 99 ? 2 : 3);

    /// <summary>
    /// Builds the numeric code with a fixed serial width: 2 digits (14-digit code, serial 1–99) or 3 digits
    /// (15-digit code, serial 1–999, as Beijing numbers every grid).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="community"/> is not a 12-digit community code.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The width is not 2 or 3, or the serial does not fit it.</exception>
    public static UnitGridCode For(DivisionCode community, int serial, int serialDigits)
    {
        if (community.Value.Length != CommunityLength)
        {
            throw new ArgumentException($"A unit grid belongs to a 12-digit community code; got '{community.Value}'.", nameof(community));
        }

        if (serialDigits is not (2 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(serialDigits), serialDigits, "A unit grid serial has 2 or 3 digits.");
        }

        var largest = serialDigits == 2 ? 99 : 999;
        if (serial < 1 || serial > largest)
        {
            throw new ArgumentOutOfRangeException(nameof(serial), serial, $"A {serialDigits}-digit unit grid serial runs from 1 to {largest}.");
        }

        return new UnitGridCode(community.Value + CodeText.Pad(serial, serialDigits));
    }

    /// <summary>Reads a unit grid code in any of the three forms. Returns false (never throws) on null, empty or malformed text.</summary>
    public static bool TryParse(string? text, out UnitGridCode code)
    {
        var valid = text is not null && FindProblem(text) is null;
        code = valid ? new UnitGridCode(text!) : default;
        return valid;
    }

    /// <summary>Reads a unit grid code in any of the three forms.</summary>
    /// <exception cref="FormatException">The text is not a valid unit grid code; the message says why.</exception>
    public static UnitGridCode Parse(string text)
    {
        var problem = text is null ? null : FindProblem(text);
        return text is not null && problem is null
            ? new UnitGridCode(text)
            : throw new FormatException(CodeText.Rejection(Expected, text, problem));
    }

    /// <summary>The code as text.</summary>
    public override string ToString() => Value;

    private static string? FindProblem(string text)
    {
        if (text.Length is not (14 or 15))
        {
            return $"it has {text.Length} characters";
        }

        if (CodeText.IsDigits(text))
        {
            var communityProblem = DivisionCode.FindProblem(text[..CommunityLength]);
            if (communityProblem is not null)
            {
                return $"the first 12 digits are not a community code ({communityProblem})";
            }

            return CodeText.IsAllZeros(text.AsSpan(CommunityLength)) ? "the serial must not be all zeros" : null;
        }

        if (text.Length != 15)
        {
            return "a 14-character code must be all digits";
        }

        foreach (var character in text)
        {
            if (char.IsAsciiLetterLower(character))
            {
                return "letters must be upper case";
            }

            if (!char.IsAsciiDigit(character) && !char.IsAsciiLetterUpper(character))
            {
                return "only 0-9 and A-Z are allowed";
            }
        }

        return null;
    }
}
