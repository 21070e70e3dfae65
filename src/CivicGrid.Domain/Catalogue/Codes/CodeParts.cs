using CivicGrid.Domain.Geography;

namespace CivicGrid.Domain.Catalogue;

/// <summary>Checks shared by the codes that embed a division code and a type code.</summary>
internal static class CodeParts
{
    /// <summary>Names the part and says what is wrong with it, or returns null when the part is valid.</summary>
    public static string? FindProblem(string part, string partName, Func<string, string?> findProblem) =>
        findProblem(part) is { } problem ? $"the {partName} '{part}' is invalid: {problem}" : null;

    /// <summary>Why a serial part is not a serial (non-digits or all zeros), or null.</summary>
    public static string? FindSerialProblem(string part)
    {
        if (!CodeText.IsDigits(part))
        {
            return $"the serial '{part}' must be digits";
        }

        return CodeText.IsAllZeros(part) ? "the serial must not be all zeros" : null;
    }

    public static void RequireSixDigitDivision(DivisionCode division)
    {
        if (division.Value.Length != 6)
        {
            throw new ArgumentException($"Expected a 6-digit district or city code; got '{division.Value}'.", nameof(division));
        }
    }

    public static void RequireType(CatalogueCode type)
    {
        if (type.Value.Length == 0)
        {
            throw new ArgumentException("The type code is the default value, not a parsed code.", nameof(type));
        }
    }
}
