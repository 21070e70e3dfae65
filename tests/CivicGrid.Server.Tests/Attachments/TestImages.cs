using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace CivicGrid.Server.Tests.Attachments;

/// <summary>Photos made in code: the left half red, the right half blue, so a rotation shows in the pixels.</summary>
internal static class TestImages
{
    public const double Latitude = 20.0 + 2.0 / 60 + 30.0 / 3600; // 20°02'30" N, Haikou
    public const double Longitude = 110.0 + 20.0 / 60; // 110°20'00" E

    public static Image<Rgba32> TwoColour(int width, int height)
    {
        var image = new Image<Rgba32>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++) row[x] = x < width / 2 ? new Rgba32(255, 0, 0) : new Rgba32(0, 0, 255);
            }
        });
        return image;
    }

    /// <summary>A JPEG as a phone writes it: EXIF with GPS position, camera make and orientation 6 (the camera
    /// was turned; viewers rotate the stored pixels 90° clockwise).</summary>
    public static byte[] JpegWithGps(int width = 400, int height = 200)
    {
        using var image = TwoColour(width, height);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "CivicGridTestCam");
        exif.SetValue(ExifTag.Orientation, (ushort)6);
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(20), new Rational(2), new Rational(30)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(110), new Rational(20), new Rational(0)]);
        image.Metadata.ExifProfile = exif;
        return Encode(image, new JpegEncoder { Quality = 90 });
    }

    public static byte[] Jpeg(int width, int height)
    {
        using var image = TwoColour(width, height);
        return Encode(image, new JpegEncoder());
    }

    /// <summary>A PNG with transparency and a text chunk that gives away a place.</summary>
    public static byte[] PngWithLocationText(int width = 1000, int height = 500)
    {
        using var image = TwoColour(width, height);
        image[0, 0] = new Rgba32(0, 0, 0, 0);
        image.Metadata.GetPngMetadata().TextData.Add(new PngTextData("Location", "Haikou, Longhua Road 1", "", ""));
        return Encode(image, new PngEncoder());
    }

    public static byte[] Webp(int width = 640, int height = 480)
    {
        using var image = TwoColour(width, height);
        return Encode(image, new WebpEncoder { FileFormat = WebpFileFormatType.Lossy });
    }

    /// <summary>Random pixels: compresses badly, so half of the file is half of the picture.</summary>
    public static byte[] Noise(int width, int height, string format)
    {
        using var image = new Image<Rgba32>(width, height);
        var random = new Random(1);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                foreach (ref var pixel in rows.GetRowSpan(y)) pixel = new Rgba32((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
            }
        });
        return format switch
        {
            "jpeg" => Encode(image, new JpegEncoder()),
            "png" => Encode(image, new PngEncoder()),
            _ => Encode(image, new WebpEncoder()),
        };
    }

    public static byte[] Gif()
    {
        using var image = TwoColour(64, 64);
        return Encode(image, new GifEncoder());
    }

    private static byte[] Encode(Image image, SixLabors.ImageSharp.Formats.IImageEncoder encoder)
    {
        using var output = new MemoryStream();
        image.Save(output, encoder);
        return output.ToArray();
    }
}
