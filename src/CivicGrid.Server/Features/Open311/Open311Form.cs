using System.Text;

namespace CivicGrid.Server.Features.Open311;

/// <summary>A strictly read application/x-www-form-urlencoded body: at most <see cref="MaxBodyBytes"/>, every name
/// and value valid UTF-8 after percent-decoding (invalid bytes are an error naming the field, never replaced),
/// a name given twice is an error, an empty value counts as missing.</summary>
public sealed class Open311Form
{
    public const int MaxBodyBytes = 64 * 1024;
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Dictionary<string, string> _values;

    private Open311Form(Dictionary<string, string> values, byte[] body) => (_values, Body) = (values, body);

    /// <summary>The raw body (hashed for idempotency).</summary>
    public byte[] Body { get; }

    public IEnumerable<KeyValuePair<string, string>> Values => _values;

    /// <summary>The value, or null when missing or empty.</summary>
    public string? this[string name] => _values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public sealed record ReadResult(Open311Form? Form, string? Error);

    public static async Task<ReadResult> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes) return new(null, $"The request body is at most {MaxBodyBytes / 1024} KB.");
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return new(null, $"The request body is at most {MaxBodyBytes / 1024} KB.");
            buffer.Write(chunk, 0, read);
        }
        return Parse(buffer.ToArray());
    }

    public static ReadResult Parse(byte[] body)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var start = 0;
        while (start <= body.Length)
        {
            var end = Array.IndexOf(body, (byte)'&', start);
            if (end < 0) end = body.Length;
            if (end > start)
            {
                var pair = body.AsSpan(start, end - start);
                var equals = pair.IndexOf((byte)'=');
                var nameBytes = equals < 0 ? pair : pair[..equals];
                var valueBytes = equals < 0 ? [] : pair[(equals + 1)..];
                if (!TryDecode(nameBytes, out var name)) return new(null, "A parameter name is not valid UTF-8 or percent-encoding.");
                if (name.Length == 0) return new(null, "A parameter has no name.");
                if (!TryDecode(valueBytes, out var value)) return new(null, $"{Shown(name)} is not valid UTF-8 or percent-encoding.");
                if (!values.TryAdd(name, value)) return new(null, $"{Shown(name)} is given more than once.");
            }
            start = end + 1;
        }
        return new(new Open311Form(values, body), null);
    }

    /// <summary>A parameter name safe to echo in an error (short, printable).</summary>
    public static string Shown(string name)
    {
        var printable = new string(name.Where(c => !char.IsControl(c)).Take(40).ToArray());
        return printable.Length == 0 ? "(unnamed)" : printable;
    }

    private static bool TryDecode(ReadOnlySpan<byte> encoded, out string text)
    {
        text = "";
        var bytes = new byte[encoded.Length];
        var n = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b == (byte)'+') bytes[n++] = (byte)' ';
            else if (b == (byte)'%')
            {
                if (i + 2 >= encoded.Length || !IsHex(encoded[i + 1]) || !IsHex(encoded[i + 2])) return false;
                bytes[n++] = (byte)(HexValue(encoded[i + 1]) << 4 | HexValue(encoded[i + 2]));
                i += 2;
            }
            else bytes[n++] = b;
        }
        try
        {
            text = Strict.GetString(bytes, 0, n);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        return !text.Contains('\0', StringComparison.Ordinal);
    }

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    private static int HexValue(byte b) => b <= (byte)'9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
