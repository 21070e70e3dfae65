namespace CivicGrid.Server.Platform.Errors;

/// <summary>The Razor side of the error pipeline: a <see cref="RequestProblemException"/> from a service becomes the
/// messages a form shows next to its fields (one line per field; a problem about no field goes to
/// <paramref name="fallbackField"/>).</summary>
public static class FormErrors
{
    public static void Fill(IDictionary<string, string> form, RequestProblemException problem, string fallbackField)
    {
        if (problem.Errors.Count == 0)
        {
            form[fallbackField] = problem.Message;
            return;
        }
        foreach (var (field, messages) in problem.Errors) form[field] = string.Join(" ", messages);
    }
}
