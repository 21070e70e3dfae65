using QRCoder;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>QR codes drawn on the server as SVG (QRCoder, MIT): the confirmation shows one for the case's short link,
/// so a citizen can keep it with a phone's camera. The markup comes from our own link, never from user text.</summary>
public static class QrCodes
{
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(new System.Drawing.Size(180, 180), "#000000", "#ffffff", drawQuietZones: true,
            SvgQRCode.SizingMode.ViewBoxAttribute);
        return svg;
    }
}
