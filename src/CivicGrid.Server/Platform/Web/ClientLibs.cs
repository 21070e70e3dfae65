using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace CivicGrid.Server.Platform.Web;

/// <summary>Serves the client libraries the build copies out of node_modules (Leaflet, ECharts) under <c>/lib</c>:
/// each file is read and compressed once (Brotli and gzip for text), named by a fingerprint of its content
/// (<see cref="Url"/> adds <c>?v=…</c>; such a request is cached for a year as immutable, any other revalidates by
/// ETag). Pages load a library only when they draw a map or a chart (<c>wwwroot/js/site.js</c>), so a page without
/// either stays light (docs/adr/0013-staff-web-ui.md).</summary>
public sealed class ClientLibs(string folder)
{
    public const string Prefix = "/lib";
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private readonly ConcurrentDictionary<string, Lazy<Asset?>> _assets = new(StringComparer.Ordinal);

    public sealed record Asset(byte[] Plain, byte[]? Brotli, byte[]? Gzip, string ContentType, string Version)
    {
        public string ETag => $"\"{Version}\"";
    }

    /// <summary>The fingerprinted URL of a file below the clientlibs folder (e.g. "leaflet/leaflet.js").</summary>
    public string Url(string path) => $"{Prefix}/{path}?v={Find(path)?.Version ?? "0"}";

    public Asset? Find(string path) => _assets.GetOrAdd(path, p => new Lazy<Asset?>(() => Load(p))).Value;

    private Asset? Load(string path)
    {
        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, path));
        if (!full.StartsWith(root, StringComparison.Ordinal) || !File.Exists(full)) return null;
        var plain = File.ReadAllBytes(full);
        if (!ContentTypes.TryGetContentType(full, out var contentType)) contentType = "application/octet-stream";
        var text = contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.Contains("javascript", StringComparison.Ordinal);
        var version = Convert.ToHexStringLower(SHA256.HashData(plain))[..16];
        return new Asset(plain, text ? Compress(plain, brotli: true) : null, text ? Compress(plain, brotli: false) : null, contentType, version);
    }

    private static byte[] Compress(byte[] plain, bool brotli)
    {
        using var output = new MemoryStream();
        using (Stream compressor = brotli
                   ? new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true)
                   : new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            compressor.Write(plain);
        }
        return output.ToArray();
    }

    /// <summary>Answers GET/HEAD below <see cref="Prefix"/>; anything else goes on down the pipeline.</summary>
    public async Task ServeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || !request.Path.StartsWithSegments(Prefix, out var rest) || !rest.HasValue)
        {
            await next(context);
            return;
        }
        var asset = Find(rest.Value!.TrimStart('/'));
        if (asset is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var headers = context.Response.Headers;
        headers.ETag = asset.ETag;
        headers.Vary = HeaderNames.AcceptEncoding;
        headers.CacheControl = request.Query["v"] == asset.Version ? "public, max-age=31536000, immutable" : "no-cache";
        if (request.Headers.IfNoneMatch == asset.ETag)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        var accepted = request.Headers.AcceptEncoding.ToString();
        var (body, encoding) = asset.Brotli is not null && accepted.Contains("br", StringComparison.OrdinalIgnoreCase) ? (asset.Brotli, "br")
            : asset.Gzip is not null && accepted.Contains("gzip", StringComparison.OrdinalIgnoreCase) ? (asset.Gzip, "gzip")
            : (asset.Plain, null);
        if (encoding is not null) headers.ContentEncoding = encoding;
        context.Response.ContentType = asset.ContentType;
        context.Response.ContentLength = body.Length;
        if (HttpMethods.IsGet(request.Method)) await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
