using System.Text;

namespace Sixgill.Kube;

/// <summary>A line's text and the line end that followed it (<c>\n</c>, <c>\r\n</c>, <c>\r</c>, or none at the end of the file).</summary>
internal readonly record struct ConfigLine(string Content, string Ending);

internal static class ConfigLines
{
    public static List<ConfigLine> Split(string text)
    {
        var lines = new List<ConfigLine>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\n' or '\r')
            {
                var ending = text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? "\r\n" : text[i].ToString();
                lines.Add(new ConfigLine(text[start..i], ending));
                i += ending.Length - 1;
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(new ConfigLine(text[start..], ""));
        }

        return lines;
    }

    public static string Join(IEnumerable<ConfigLine> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line.Content).Append(line.Ending);
        }

        return text.ToString();
    }
}
