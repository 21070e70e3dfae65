using System.Text.Json;
using CivicGrid.Domain.Catalogue;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>The citizens' short list of problems on the public report form: CitizenProblems.json shipped inside the
/// server, or the file PublicService:ProblemsFile names. Its shape is checked when it is first read and its types
/// against the catalogue before the server listens (<see cref="CitizenProblemsCheck"/>): a list that names a type the
/// catalogue does not offer stops the start with a message naming the entry. 其他 is always added last.</summary>
public sealed class CitizenProblems
{
    private const string Shipped = "CivicGrid.Server.Features.PublicService.CitizenProblems.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Lazy<IReadOnlyList<CitizenProblem>> _all;

    public CitizenProblems(IOptions<PublicServiceOptions> options) => _all = new(() => Load(options.Value.ProblemsFile));

    /// <summary>Where the list comes from, for messages.</summary>
    public static string SourceOf(string? file) => string.IsNullOrEmpty(file) ? "the shipped CitizenProblems.json" : $"PublicService:ProblemsFile ({file})";

    /// <summary>The list in order, 其他 last.</summary>
    public IReadOnlyList<CitizenProblem> All => _all.Value;

    public CitizenProblem? Find(string? key) => All.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.Ordinal));

    private static IReadOnlyList<CitizenProblem> Load(string? file)
    {
        var source = SourceOf(file);
        Document? document;
        try
        {
            using var stream = string.IsNullOrEmpty(file)
                ? typeof(CitizenProblems).Assembly.GetManifestResourceStream(Shipped) ?? throw new InvalidOperationException($"{Shipped} is not embedded.")
                : File.OpenRead(file);
            document = JsonSerializer.Deserialize<Document>(stream, Json);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new InvalidOperationException($"The citizen problems in {source} cannot be read: {exception.Message}", exception);
        }
        var problems = new List<CitizenProblem>();
        var errors = new List<string>();
        foreach (var (entry, index) in (document?.Problems ?? []).Select((e, i) => (e, i + 1)))
        {
            var name = $"entry {index} ({entry.Key ?? entry.Name ?? "?"})";
            if (string.IsNullOrWhiteSpace(entry.Key) || !entry.Key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
                errors.Add($"{name}: key is required, lower-case letters, digits and '-'.");
            else if (entry.Key == CitizenProblem.OtherKey || problems.Any(p => p.Key == entry.Key)) errors.Add($"{name}: key '{entry.Key}' is used twice (or is the reserved 'other').");
            if (string.IsNullOrWhiteSpace(entry.Name) || entry.Name.Length > 20) errors.Add($"{name}: name is required, at most 20 characters.");
            if (!ProblemIcons.Exists(entry.Icon)) errors.Add($"{name}: icon '{entry.Icon}' is not one of {string.Join(", ", ProblemIcons.Names)}.");
            CatalogueKind? kind = entry.Kind?.ToLowerInvariant() switch { "matter" => CatalogueKind.Matter, "component" => CatalogueKind.Component, _ => null };
            if (kind is null) errors.Add($"{name}: kind must be matter or component.");
            if (string.IsNullOrWhiteSpace(entry.TypeCode)) errors.Add($"{name}: typeCode is required (a catalogue type code such as 06010).");
            if (errors.Count == 0) problems.Add(new CitizenProblem(entry.Key!, entry.Name!.Trim(), entry.NameEn ?? entry.Name!.Trim(), entry.Icon!, kind, entry.TypeCode!.Trim()));
        }
        if (problems.Count == 0 && errors.Count == 0) errors.Add("the list has no problems.");
        if (errors.Count > 0) throw new InvalidOperationException($"The citizen problems in {source} are invalid: {string.Join(" ", errors)}");
        return [.. problems, CitizenProblem.Other];
    }

    private sealed record Document(List<Entry>? Problems);

    private sealed record Entry(string? Key, string? Name, string? NameEn, string? Icon, string? Kind, string? TypeCode);
}
