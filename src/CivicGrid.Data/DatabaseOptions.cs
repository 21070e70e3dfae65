namespace CivicGrid.Data;

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (embedded default) or Postgres.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for Postgres. For Sqlite, defaults to civicgrid.db in the data directory.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>SQLite synchronous level: FULL (default) or NORMAL. See docs/adr/0002.</summary>
    public string SqliteSynchronous { get; set; } = "FULL";

    /// <summary>Apply pending migrations at start. Null means: yes for SQLite, no for PostgreSQL (use the migrate verb).</summary>
    public bool? MigrateOnStart { get; set; }

    public bool ShouldMigrateOnStart => MigrateOnStart ?? Provider == DatabaseProvider.Sqlite;

    /// <summary>Problems with these settings, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Provider))
            problems.Add($"{Section}:Provider must be Sqlite or Postgres.");
        if (Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
            problems.Add($"{Section}:ConnectionString is required when {Section}:Provider is Postgres.");
        if (SqliteSynchronous is not ("FULL" or "NORMAL" or "EXTRA"))
            problems.Add($"{Section}:SqliteSynchronous must be FULL, NORMAL or EXTRA (got '{SqliteSynchronous}').");
        return problems;
    }
}
