using System.Text;

namespace Sixgill.Steps.Text;

/// <summary>One line of a text file and the ending it had: <c>"\n"</c>, <c>"\r\n"</c>, or none (a last line without newline).</summary>
internal readonly record struct TextLine(string Content, string Ending);

/// <summary>
/// Splits text into lines that join back to exactly the same text, so an edit touches only the
/// lines it means to and an undo can give back every byte.
/// </summary>
internal static class TextLines
{
    public static List<TextLine> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<TextLine>();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            if (newline < 0)
            {
                lines.Add(new TextLine(text[start..], ""));
                break;
            }

            var crlf = newline > start && text[newline - 1] == '\r';
            lines.Add(new TextLine(text[start..(crlf ? newline - 1 : newline)], crlf ? "\r\n" : "\n"));
            start = newline + 1;
        }

        return lines;
    }

    public static string Join(IEnumerable<TextLine> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line.Content).Append(line.Ending);
        }

        return text.ToString();
    }

    /// <summary>The ending new lines should get: the file's own (first seen), else <c>"\n"</c>.</summary>
    public static string PreferredEnding(IEnumerable<TextLine> lines) =>
        lines.Select(line => line.Ending).FirstOrDefault(ending => ending.Length > 0) ?? "\n";

    /// <summary>The whitespace-separated fields of a line, up to the first comment character.</summary>
    public static string[] Fields(string content, string commentStarts)
    {
        ArgumentNullException.ThrowIfNull(content);
        var comment = content.IndexOfAny(commentStarts.ToCharArray());
        var data = comment < 0 ? content : content[..comment];
        return data.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
    }
}
