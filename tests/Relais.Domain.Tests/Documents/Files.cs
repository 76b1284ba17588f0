namespace Relais.Domain.Tests.Documents;

/// <summary>Smallest contents that pass as each accepted type: their signatures and a few more bytes.</summary>
internal static class Files
{
    public static byte[] Pdf => "%PDF-1.7\n%%EOF\n"u8.ToArray();

    public static byte[] Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

    public static byte[] Jpeg => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00];

    public static byte[] Of(string type) => type switch
    {
        "pdf" => Pdf,
        "png" => Png,
        "jpeg" => Jpeg,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
