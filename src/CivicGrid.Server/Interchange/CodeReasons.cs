namespace CivicGrid.Server.Interchange;

/// <summary>Turns a code type's <see cref="FormatException"/> message into a rejection reason. Only runs for bad rows,
/// so the exception's cost does not matter.</summary>
internal static class CodeReasons
{
    public static string Why(string field, Action parse)
    {
        try
        {
            parse();
            return $"{field}: invalid";
        }
        catch (FormatException exception)
        {
            return $"{field}: {exception.Message}";
        }
    }
}
