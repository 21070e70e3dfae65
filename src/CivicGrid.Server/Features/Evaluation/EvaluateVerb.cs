using System.CommandLine;
using CivicGrid.Server.Platform.Cli;

namespace CivicGrid.Server.Features.Evaluation;

/// <summary>`evaluate rebuild`: recomputes the evaluation roll-ups from the whole case history.</summary>
public static class EvaluateVerb
{
    public static Command Create(VerbRunner run)
    {
        var rebuild = new Command("rebuild", "Recompute the evaluation roll-ups from the case history (run while no steps are being taken).");
        rebuild.SetAction((_, cancellationToken) => run(async (services, ct) =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var (cases, rows) = await services.GetRequiredService<EvaluationRebuild>().RunAsync(ct);
            Console.WriteLine($"OK: {cases:N0} cases replayed, {rows:N0} roll-up rows written in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:N1} s.");
            return 0;
        }, cancellationToken));
        return new Command("evaluate", "Evaluation roll-ups.") { rebuild };
    }
}
