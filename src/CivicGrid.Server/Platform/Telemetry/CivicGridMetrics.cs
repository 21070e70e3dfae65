using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CivicGrid.Server.Platform.Telemetry;

/// <summary>CivicGrid's own instruments: one meter and one activity source named "CivicGrid". They cost nothing
/// until something listens (the OpenTelemetry SDK when Telemetry:OtlpEndpoint is set, or dotnet-counters).</summary>
public static class CivicGridMetrics
{
    public const string Name = "CivicGrid";

    public static readonly Meter Meter = new(Name, "1.0");
    public static readonly ActivitySource Source = new(Name, "1.0");

    /// <summary>Reports that made a new case (duplicates linked to an existing case are not counted).</summary>
    public static readonly Counter<long> CasesCreated =
        Meter.CreateCounter<long>("civicgrid.cases.created", "{case}", "Cases created by this instance.");

    /// <summary>Every committed step, tagged with its action (report, dispatch, overdue …).</summary>
    public static readonly Counter<long> CaseSteps =
        Meter.CreateCounter<long>("civicgrid.case.steps", "{step}", "Case steps committed by this instance.");

    public static readonly Counter<long> OverdueAlerts =
        Meter.CreateCounter<long>("civicgrid.cases.overdue_alerts", "{alert}", "Overdue alerts raised by this instance.");

    /// <summary>Reports written per group commit (ADR 0008): near 1 when idle, larger under load.</summary>
    public static readonly Histogram<int> IntakeBatchSize =
        Meter.CreateHistogram<int>("civicgrid.intake.batch_size", "{report}", "Reports written in one group commit.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });
}
