using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace CivicGrid.Server.Platform.Attachments;

/// <summary>The decoded photo's display size and its two derived copies, encoded.</summary>
internal sealed record Renditions(int Width, int Height, byte[] Public, byte[] Thumbnail);

/// <summary>Decodes an upload for real and makes the public copy and the thumbnail (ImageSharp, fully managed).
/// Both copies are drawn into a fresh image, so no metadata of the upload (EXIF, GPS, XMP, IPTC, ICC, PNG text)
/// can reach them; the EXIF orientation is applied to the pixels first.</summary>
internal static class ImageRenditions
{
    // Only the three accepted decoders exist in this configuration: a GIF or BMP decoder is never reached.
    private static readonly Configuration Decoding = new(
        new JpegConfigurationModule(), new PngConfigurationModule(), new WebpConfigurationModule());

    public static Renditions Create(byte[] content, AttachmentImageFormat format, AttachmentOptions options, CancellationToken cancellationToken)
    {
        if (!TruncationCheck.IsComplete(content, format))
        {
            throw new AttachmentRejectedException(AttachmentRejection.Undecodable,
                "the image is incomplete (its end is missing): the upload may have been cut off, or it is not really a JPEG, PNG or WebP image.");
        }
        var decoder = DecoderFor(format);
        using var image = Decode(content, decoder, options.MaxPixels, cancellationToken);
        image.Mutate(x => x.AutoOrient());
        var publicCopy = Encode(image, options.PublicMaxEdge, EncoderFor(format, image), flatten: false);
        var thumbnail = Encode(image, options.ThumbnailSize, new JpegEncoder { Quality = 80 }, flatten: true);
        return new Renditions(image.Width, image.Height, publicCopy, thumbnail);
    }

    private static Image<Rgba32> Decode(byte[] content, IImageDecoder decoder, long maxPixels, CancellationToken cancellationToken)
    {
        try
        {
            // The header alone gives the size: a decompression bomb is refused before any pixel is allocated.
            using (var header = new MemoryStream(content, writable: false))
            {
                var info = ((IImageInfoDetector)decoder).Identify(Decoding, header, cancellationToken)
                    ?? throw Undecodable(null);
                if ((long)info.Width * info.Height > maxPixels)
                {
                    throw new AttachmentRejectedException(AttachmentRejection.TooManyPixels,
                        $"the image has {info.Width} × {info.Height} pixels, more than the limit of {maxPixels} pixels (Attachments:MaxPixels).");
                }
            }
            using var body = new MemoryStream(content, writable: false);
            return decoder.Decode<Rgba32>(Decoding, body, cancellationToken);
        }
        catch (Exception exception) when (exception is not (AttachmentRejectedException or OperationCanceledException or OutOfMemoryException))
        {
            // A crafted file can make a decoder fail in many ways; every one of them is a bad upload, not a 500.
            throw Undecodable(exception);
        }
    }

    private static AttachmentRejectedException Undecodable(Exception? inner) => new(AttachmentRejection.Undecodable,
        "the image cannot be decoded: the file is damaged, truncated or not really a JPEG, PNG or WebP image.", inner);

    private static byte[] Encode(Image<Rgba32> source, int maxEdge, IImageEncoder encoder, bool flatten)
    {
        var (width, height) = FitWithin(source.Width, source.Height, maxEdge);
        using var clean = new Image<Rgba32>(width, height);
        using (var scaled = width == source.Width && height == source.Height ? null : source.Clone(x => x.Resize(width, height)))
        {
            CopyPixels(scaled ?? source, clean);
        }
        if (flatten) clean.Mutate(x => x.BackgroundColor(Color.White));
        using var output = new MemoryStream();
        clean.Save(output, encoder);
        return output.ToArray();
    }

    private static void CopyPixels(Image<Rgba32> from, Image<Rgba32> to) =>
        from.ProcessPixelRows(to, (source, target) =>
        {
            for (var y = 0; y < source.Height; y++) source.GetRowSpan(y).CopyTo(target.GetRowSpan(y));
        });

    /// <summary>The size with the long edge at most <paramref name="maxEdge"/>, aspect kept, never enlarged.</summary>
    internal static (int Width, int Height) FitWithin(int width, int height, int maxEdge)
    {
        var longEdge = Math.Max(width, height);
        if (longEdge <= maxEdge) return (width, height);
        var scale = (double)maxEdge / longEdge;
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }

    private static IImageDecoder DecoderFor(AttachmentImageFormat format) => format switch
    {
        AttachmentImageFormat.Jpeg => new JpegDecoder(),
        AttachmentImageFormat.Png => new PngDecoder(),
        AttachmentImageFormat.Webp => new WebpDecoder(),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    private static IImageEncoder EncoderFor(AttachmentImageFormat format, Image image) => format switch
    {
        AttachmentImageFormat.Jpeg => new JpegEncoder { Quality = 85 },
        AttachmentImageFormat.Png => new PngEncoder { CompressionLevel = PngCompressionLevel.BestCompression },
        AttachmentImageFormat.Webp => new WebpEncoder
        {
            FileFormat = image.Metadata.GetWebpMetadata().FileFormat,
            Quality = 85,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
