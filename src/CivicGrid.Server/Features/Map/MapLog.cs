namespace CivicGrid.Server.Features.Map;

internal static partial class MapLog
{
    [LoggerMessage(EventId = 4710, Level = LogLevel.Information, Message = "Map: indexed {Count} components in {Milliseconds} ms")]
    public static partial void ComponentIndexBuilt(ILogger logger, int count, long milliseconds);
}
