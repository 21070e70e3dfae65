using System.Text.Json;

namespace CivicGrid.Server.Platform.Errors;

/// <summary>Field names in errors are the JSON names a client sends (camelCase, "contact.phone"); declared validation
/// reports the C# member path ("Contact.Phone"), so its keys are renamed before the answer is written.</summary>
public static class FieldNames
{
    public static void CamelCase(IDictionary<string, string[]> errors)
    {
        foreach (var key in errors.Keys.ToList())
        {
            var field = Of(key);
            if (field == key) continue;
            var messages = errors[key];
            errors.Remove(key);
            errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, .. messages] : messages;
        }
    }

    /// <summary>"Contact.Phone" → "contact.phone", "Photos[0].Id" → "photos[0].id".</summary>
    public static string Of(string memberPath) =>
        string.Join('.', memberPath.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
