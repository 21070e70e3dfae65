namespace CivicGrid.Server.Platform.Runtime;

/// <summary>TEST ONLY, NEVER IN PRODUCTION. A clock running ahead of the system clock by the offset written in a
/// file (<c>Testing:ClockOffsetFile</c>, a TimeSpan such as <c>3.00:00:00</c>), so that a test can move time past
/// deadlines in server processes it started (which cannot take a FakeTimeProvider), for every instance at once.
/// Only used when the setting is given; the server logs a warning at start when it is.</summary>
public sealed class TestClock(string offsetFile) : TimeProvider
{
    public const string Setting = "Testing:ClockOffsetFile";

    private readonly Lock _lock = new();
    private DateTime _readAt = DateTime.MinValue;
    private DateTime _fileWrittenAt;
    private TimeSpan _offset;

    /// <summary>The test clock when <see cref="Setting"/> is given, else null (the system clock).</summary>
    public static TimeProvider? FromConfiguration(IConfiguration configuration) =>
        configuration[Setting] is { Length: > 0 } file ? new TestClock(Path.GetFullPath(file)) : null;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset();

    private TimeSpan Offset()
    {
        lock (_lock)
        {
            var now = System.GetUtcNow().UtcDateTime;
            if (now - _readAt < TimeSpan.FromMilliseconds(100)) return _offset;
            _readAt = now;
            try
            {
                var written = File.GetLastWriteTimeUtc(offsetFile);
                if (written == _fileWrittenAt) return _offset;
                _fileWrittenAt = written;
                _offset = TimeSpan.TryParse(File.ReadAllText(offsetFile).Trim(), global::System.Globalization.CultureInfo.InvariantCulture, out var offset)
                    ? offset : _offset;
            }
            catch (IOException)
            {
                // Being rewritten: keep the last offset and read again at the next call.
                _fileWrittenAt = default;
            }
            return _offset;
        }
    }
}
