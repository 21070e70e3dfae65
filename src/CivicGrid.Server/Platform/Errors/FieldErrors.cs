namespace CivicGrid.Server.Platform.Errors;

/// <summary>Collects field errors while input is checked, then throws them all at once as an
/// <see cref="InvalidRequestException"/>. A field keeps its last message.</summary>
public sealed class FieldErrors : IEnumerable<KeyValuePair<string, string[]>>
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public int Count => _errors.Count;

    public bool Has(string field) => _errors.ContainsKey(field);

    public FieldErrors Add(string field, string message)
    {
        _errors[field] = [message];
        return this;
    }

    public IEnumerator<KeyValuePair<string, string[]>> GetEnumerator() => _errors.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public IReadOnlyDictionary<string, string[]> ToDictionary() => new Dictionary<string, string[]>(_errors, StringComparer.Ordinal);

    /// <exception cref="InvalidRequestException">When any error was added.</exception>
    public void ThrowIfAny()
    {
        if (_errors.Count > 0) throw new InvalidRequestException(ToDictionary());
    }

    /// <summary>One field's error, to throw: <c>throw FieldErrors.Invalid("days", "days must be …")</c>.</summary>
    public static InvalidRequestException Invalid(string field, params string[] messages) => new(One(field, messages));

    /// <summary>The errors of one field, e.g. for a ValidationProblem a handler returns itself.</summary>
    public static IReadOnlyDictionary<string, string[]> One(string field, params string[] messages) =>
        new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = messages };
}
