using QRCoder;

namespace Relais.Web.Features.Account;

/// <summary>
/// What an authenticator app needs to enrol a TOTP key (RFC 6238, 6 digits, 30 s): the otpauth:// address
/// it reads from a QR code, and the key to type by hand when the camera cannot be used.
/// </summary>
public static class Authenticator
{
    public static string Uri(string? email, string key) =>
        $"otpauth://totp/Relais:{System.Uri.EscapeDataString(email ?? "")}?secret={key}&issuer=Relais&digits=6";

    /// <summary>The key in groups of four, as the apps display it.</summary>
    public static string FormatKey(string key) =>
        string.Join(" ", Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4)))).ToLowerInvariant();

    /// <summary>The QR code of <paramref name="uri"/> as inline SVG (no image request, nothing to cache).</summary>
    public static string QrSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(4, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
