namespace CivicGrid.Domain.Cases;

/// <summary>How a report reached the platform.</summary>
public enum CaseChannel
{
    /// <summary>监督员上报</summary>
    Inspector,
    /// <summary>市民 (城市管家 public service or app)</summary>
    Citizen,
    /// <summary>Open311 client</summary>
    Open311,
    /// <summary>12345/12319 hotline operator</summary>
    Hotline,
    /// <summary>视频 / 传感器</summary>
    VideoOrSensor,
    /// <summary>上级交办</summary>
    SuperiorAssignment,
    /// <summary>领导批示</summary>
    LeaderInstruction,
}

public static class CaseChannels
{
    /// <summary>Reports from the public must be verified on site before registration unless the operator decides otherwise.</summary>
    public static bool IsPublic(CaseChannel channel) => channel is CaseChannel.Citizen or CaseChannel.Open311 or CaseChannel.Hotline;
}
