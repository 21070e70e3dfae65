using CivicGrid.Server.Platform.LiveUpdates;

namespace CivicGrid.Server.Platform.Telemetry;

/// <summary>Counts committed steps from the live-update hub (after commit, so a rolled-back step is never counted).</summary>
public sealed class CaseStepMetrics(CaseEventHub hub) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        hub.Published += Count;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        hub.Published -= Count;
        return Task.CompletedTask;
    }

    private static void Count(CaseEvent step)
    {
        CivicGridMetrics.CaseSteps.Add(1, new KeyValuePair<string, object?>("action", step.Action));
        if (step.Action == "report") CivicGridMetrics.CasesCreated.Add(1);
    }
}
