using System.Text;

namespace Sixgill.Steps.Text;

/// <summary>
/// Bytes ⇄ text for files Sixgill edits line by line. Latin-1 maps every byte to one char and back,
/// so a file in any encoding (UTF-8 comments, a BOM, stray bytes) round-trips byte for byte; the
/// fields Sixgill matches and writes (addresses, host names, keywords) are ASCII.
/// </summary>
internal static class FileText
{
    public static string Decode(byte[]? bytes) => bytes is null ? "" : Encoding.Latin1.GetString(bytes);

    public static byte[] Encode(string text) => Encoding.Latin1.GetBytes(text);
}
