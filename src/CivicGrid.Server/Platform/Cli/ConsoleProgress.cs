namespace CivicGrid.Server.Platform.Cli;

/// <summary>Progress of a long CLI job, one line rewritten in place on a terminal, a line per step otherwise.</summary>
public sealed class ConsoleProgress : IProgress<ProgressReport>
{
    private string? _lastStage;
    private int _lastPercent = -1;

    public void Report(ProgressReport value)
    {
        var percent = value.Total > 0 ? (int)(100 * value.Done / value.Total) : 0;
        if (value.Stage == _lastStage && percent == _lastPercent) return;
        if (value.Stage != _lastStage && _lastStage is not null && !Console.IsOutputRedirected) Console.WriteLine();
        _lastStage = value.Stage;
        _lastPercent = percent;
        var width = 30;
        var filled = value.Total > 0 ? (int)(width * value.Done / value.Total) : 0;
        var line = $"{value.Stage,-24} [{new string('#', filled)}{new string('.', width - filled)}] {value.Done:N0}/{value.Total:N0}";
        if (Console.IsOutputRedirected) { if (percent % 25 == 0) Console.WriteLine(line); }
        else Console.Write("\r" + line);
        if (!Console.IsOutputRedirected && value.Done >= value.Total) Console.WriteLine();
    }
}

/// <summary>How far a long job (import, demo generation) has come.</summary>
public readonly record struct ProgressReport(string Stage, long Done, long Total);
