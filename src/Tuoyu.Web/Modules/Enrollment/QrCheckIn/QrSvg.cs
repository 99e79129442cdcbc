using QRCoder;

namespace Tuoyu.Web.Modules.Enrollment.QrCheckIn;

/// <summary>Renders a QR code as SVG on the server (QRCoder, MIT; ADR 0027), so the printable page needs no script.</summary>
internal static class QrSvg
{
    public static string Render(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8);
    }
}
