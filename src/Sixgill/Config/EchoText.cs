using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sixgill.Config;

/// <summary>
/// Text from outside (a config value, a key, a path, an argument) made fit to show in a one-line
/// message on a terminal: control characters and line breaks escaped (<c>\n</c>, <c>\r</c>, <c>\t</c>,
/// <c>\e</c>, <c>\xNN</c>, bidirectional overrides as <c>\u{202E}</c>), so a config can neither split a
/// diagnostic nor rewrite the screen; and long values shortened, with their length.
/// </summary>
internal static partial class EchoText
{
    /// <summary>A quoted value longer than this is shortened.</summary>
    public const int LongestValue = 80;

    /// <summary>A whole message longer than this is cut.</summary>
    public const int LongestMessage = 2000;

    /// <summary>Shortened, then escaped: what a message quoting outside text shows.</summary>
    public static string Show(string text) => Escape(Shorten(text));

    /// <summary>Every control or line-breaking character as a visible escape; everything else as it is.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var shown = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (!NeedsEscape(c))
            {
                shown.Append(c);
                continue;
            }

            shown.Append(c switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                '\b' => @"\b",
                '\u001b' => @"\e",
                < '\u0100' => string.Create(CultureInfo.InvariantCulture, $@"\x{(int)c:X2}"),
                _ => string.Create(CultureInfo.InvariantCulture, $@"\u{{{(int)c:X4}}}"),
            });
        }

        return shown.ToString();
    }

    /// <summary>
    /// Quoted values longer than <see cref="LongestValue"/>, and any run of text without spaces longer
    /// than that, become their start, "…" and their length; the whole is at most <see cref="LongestMessage"/>.
    /// </summary>
    public static string Shorten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= LongestValue)
        {
            return text;
        }

        var shortened = LongQuoted().Replace(text, m => $"\"{Start(m.Groups[1].Value, 40)}…\" ({m.Groups[1].Length} characters)");
        shortened = LongRun().Replace(shortened, m => $"{Start(m.Value, 40)}… ({m.Length} characters)");
        return shortened.Length <= LongestMessage ? shortened : Start(shortened, LongestMessage) + $"… (message cut, {shortened.Length} characters)";
    }

    /// <summary>The first <paramref name="length"/> characters, never ending in half a surrogate pair.</summary>
    private static string Start(string text, int length) =>
        char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) // C0, DEL, C1
        || c is '\u2028' or '\u2029' // line and paragraph separators
        || c is >= '\u202A' and <= '\u202E' // bidirectional embeddings and overrides
        || c is >= '\u2066' and <= '\u2069' // bidirectional isolates
        || c is '\u200E' or '\u200F' or '\u061C'; // direction marks

    [GeneratedRegex("\"([^\"]{81,})\"", RegexOptions.CultureInvariant)]
    private static partial Regex LongQuoted();

    [GeneratedRegex("[^\\s\"]{81,}", RegexOptions.CultureInvariant)]
    private static partial Regex LongRun();
}
