namespace CivicGrid.Domain.Geography;

/// <summary>A city (jurisdiction, 市) that runs the platform. One database serves one city today;
/// every city-owned row carries <see cref="Code"/> so that several cities can share a cluster later.</summary>
public sealed class City
{
    /// <summary>GB/T 2260 prefecture code, six digits ending in "00" (e.g. 460100 Haikou).</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string NameEn { get; set; }
    /// <summary>IANA time zone of the city (Asia/Shanghai for every mainland city).</summary>
    public string TimeZoneId { get; set; } = "Asia/Shanghai";
    /// <summary>Letters that start every case number of the city (e.g. "HK").</summary>
    public required string CaseNumberPrefix { get; set; }
    /// <summary>Working periods of a working day, e.g. "08:30-12:00,14:30-18:00".</summary>
    public string WorkingHours { get; set; } = "08:30-12:00,14:30-18:00";
}
