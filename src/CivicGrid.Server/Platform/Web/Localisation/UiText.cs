using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace CivicGrid.Server.Platform.Web.Localisation;

/// <summary>The UI's visible strings in Simplified Chinese (the default) and English, JSON files per language
/// embedded in the assembly (shared texts here, a feature's own texts in <c>Features/&lt;Module&gt;/Text/</c>).
/// Pages write <c>T["queue.title"]</c>; the request's culture (cookie, else zh-CN) picks the
/// language. A key missing from a language shows as the key itself, and a test fails for it.</summary>
public sealed class UiText
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    public static IReadOnlyList<string> Languages { get; } = [Chinese, English];

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byLanguage;

    public UiText()
    {
        _byLanguage = Languages.ToFrozenDictionary(language => language, Load);
    }

    /// <summary>The language of the current UI culture: English for en-*, otherwise Chinese.</summary>
    public static string CurrentLanguage =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? English : Chinese;

    public string this[string key] => Get(CurrentLanguage, key);

    public string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, this[key], args);

    /// <summary>An enum value's label, keyed "Type.Value", e.g. CaseStatus.Closed.</summary>
    public string Of<TEnum>(TEnum value) where TEnum : struct, Enum => this[typeof(TEnum).Name + "." + value];

    public string Get(string language, string key) =>
        _byLanguage.TryGetValue(language, out var texts) && texts.TryGetValue(key, out var text) ? text : key;

    public IReadOnlyCollection<string> Keys(string language) => _byLanguage[language].Keys;

    /// <summary>The shared texts (this folder) merged with every feature's own <c>Features/&lt;Module&gt;/Text/</c>
    /// file for the language; a key defined twice stops the start, naming both files.</summary>
    private static FrozenDictionary<string, string> Load(string language)
    {
        var assembly = typeof(UiText).Assembly;
        var shared = $"CivicGrid.Server.Platform.Web.Localisation.{language}.json";
        var names = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("CivicGrid.Server.Features.", StringComparison.Ordinal)
                && name.EndsWith($".Text.{language}.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Prepend(shared);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var origin = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The UI text resource {name} is missing.");
            foreach (var (key, text) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [])
            {
                if (!texts.TryAdd(key, text))
                    throw new InvalidOperationException($"The UI text key {key} is defined in both {origin[key]} and {name}.");
                origin[key] = name;
            }
        }
        return texts.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
