namespace CivicGrid.Server.Features.PublicService;

/// <summary>The "PublicService" configuration section (城市管家).</summary>
public sealed class PublicServiceOptions
{
    public const string Section = "PublicService";

    /// <summary>Reports a client IP may submit per minute (photos and ratings have their own budget).</summary>
    public int ReportsPerIpPerMinute { get; set; } = 10;

    /// <summary>Photo uploads and ratings a client IP may send per minute.</summary>
    public int UploadsPerIpPerMinute { get; set; } = 60;

    /// <summary>Look-ups by case number and phone digits a client IP may send per minute.</summary>
    public int LookupsPerIpPerMinute { get; set; } = 10;

    /// <summary>A JSON file that replaces the shipped list of citizen problems (the short list of the report form,
    /// CitizenProblems.json beside this file); see docs/operations.md.</summary>
    public string? ProblemsFile { get; set; }

    /// <summary>Photos uploaded before a report and never attached are deleted after this long.</summary>
    public TimeSpan UnattachedPhotoLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The public map answers at most this many cases.</summary>
    public int MaxMapCases { get; set; } = 500;

    /// <summary>Positions of sensitive types are snapped to the centre of a square cell of this size (metres).</summary>
    public double BlurCellMetres { get; set; } = 200;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (ReportsPerIpPerMinute < 1) problems.Add($"{Section}:ReportsPerIpPerMinute must be at least 1.");
        if (UploadsPerIpPerMinute < 1) problems.Add($"{Section}:UploadsPerIpPerMinute must be at least 1.");
        if (LookupsPerIpPerMinute < 1) problems.Add($"{Section}:LookupsPerIpPerMinute must be at least 1.");
        if (UnattachedPhotoLifetime < TimeSpan.FromMinutes(10)) problems.Add($"{Section}:UnattachedPhotoLifetime must be at least 10 minutes.");
        if (MaxMapCases is < 1 or > 10_000) problems.Add($"{Section}:MaxMapCases must be between 1 and 10000.");
        if (BlurCellMetres is < 50 or > 5000) problems.Add($"{Section}:BlurCellMetres must be between 50 and 5000.");
        return problems;
    }
}
