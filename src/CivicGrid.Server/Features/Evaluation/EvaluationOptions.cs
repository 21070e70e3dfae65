using CivicGrid.Domain.Evaluation;

namespace CivicGrid.Server.Features.Evaluation;

/// <summary>Configuration section <c>Evaluation</c>: the default weights, bands and grades (docs/domain/evaluation.md §8) and per-city
/// overrides under <c>Evaluation:Cities:&lt;city code&gt;</c>, e.g. <c>Evaluation__Cities__460100__Department__Closure=0.4</c>
/// or <c>Evaluation__Default__ExcludeDeferredFromDue=true</c>.</summary>
public sealed class EvaluationOptions
{
    public const string Section = "Evaluation";

    public EvaluationSettings Default { get; set; } = new();

    /// <summary>How long a dashboard built from the roll-ups may be served again while no step commits on this instance
    /// (<see cref="DashboardCache"/>); bounds what the instance cannot see (other instances without a transport, a CLI
    /// rebuild). 0 turns the cache off.</summary>
    public int DashboardCacheSeconds { get; set; } = 30;

    public Dictionary<string, EvaluationSettings> Cities { get; set; } = new(StringComparer.Ordinal);

    public EvaluationSettings For(string? cityCode) =>
        cityCode is not null && Cities.TryGetValue(cityCode, out var settings) ? settings : Default;
}
