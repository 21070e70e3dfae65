using CivicGrid.Domain.Evaluation;

namespace CivicGrid.Server.Features.Evaluation;

/// <summary>Configuration section <c>Evaluation</c>: the default weights, bands and grades (domain.md §6) and per-city
/// overrides under <c>Evaluation:Cities:&lt;city code&gt;</c>, e.g. <c>Evaluation__Cities__460100__Department__Closure=0.4</c>
/// or <c>Evaluation__Default__ExcludeDeferredFromDue=true</c>.</summary>
public sealed class EvaluationOptions
{
    public const string Section = "Evaluation";

    public EvaluationSettings Default { get; set; } = new();

    public Dictionary<string, EvaluationSettings> Cities { get; set; } = new(StringComparer.Ordinal);

    public EvaluationSettings For(string? cityCode) =>
        cityCode is not null && Cities.TryGetValue(cityCode, out var settings) ? settings : Default;
}
