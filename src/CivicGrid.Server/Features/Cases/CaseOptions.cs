using CivicGrid.Domain.Cases;

namespace CivicGrid.Server.Features.Cases;

/// <summary>The "Cases" configuration section.</summary>
public sealed class CaseOptions
{
    public const string Section = "Cases";

    /// <summary>A report of the same type within this distance of an open case is linked to it (metres).</summary>
    public double DuplicateRadiusMetres { get; set; } = 50;

    /// <summary>… if that case was reported within this window.</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the deadline job looks for overdue stages.</summary>
    public TimeSpan DeadlineScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>At most this many reports share one commit (group commit); 1 commits each report alone.</summary>
    public int MaxGroupCommit { get; set; } = 64;

    /// <summary>On SQLite, a group commit writes its new rows with prepared statements instead of EF Core's SaveChanges
    /// (ADR 0008); false writes them with SaveChanges, as on PostgreSQL. Both store the same rows.</summary>
    public bool DirectSqliteInserts { get; set; } = true;

    public WorkflowTimeLimits Limits { get; set; } = WorkflowTimeLimits.Default;

    /// <summary>Case lists count their matches up to this many; beyond it they say "at least" (no COUNT over millions of
    /// cases on every page view).</summary>
    public int ListCountCap { get; set; } = 10_000;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (DuplicateRadiusMetres is < 0 or > 5000) problems.Add($"{Section}:DuplicateRadiusMetres must be between 0 and 5000.");
        if (DuplicateWindow < TimeSpan.Zero || DuplicateWindow > TimeSpan.FromDays(30)) problems.Add($"{Section}:DuplicateWindow must be between 0 and 30 days.");
        if (MaxGroupCommit is < 1 or > 1000) problems.Add($"{Section}:MaxGroupCommit must be between 1 and 1000.");
        if (ListCountCap is < 1 or > 10_000_000) problems.Add($"{Section}:ListCountCap must be between 1 and 10000000.");
        if (DeadlineScanInterval < TimeSpan.FromSeconds(1)) problems.Add($"{Section}:DeadlineScanInterval must be at least one second.");
        return problems;
    }
}
