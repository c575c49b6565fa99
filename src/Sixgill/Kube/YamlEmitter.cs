using System.Globalization;
using System.Text;

namespace Sixgill.Kube;

/// <summary>
/// Writes a <see cref="WrittenYamlNode"/> tree as block YAML with two-space indentation and <c>\n</c> line
/// ends. A string is written plain only when it cannot be misread (<c>systemd</c>, <c>node-ip</c>,
/// <c>kubeadm.k8s.io/v1beta4</c>); anything else is double-quoted, because addresses such as <c>::</c>
/// or <c>[fd00:20::2]:6443</c> and values such as <c>80</c> or <c>no</c> would otherwise be misread or
/// retyped by a YAML parser.
/// </summary>
internal static class YamlEmitter
{
    private const int IndentStep = 2;

    /// <summary>
    /// Several documents in one stream, separated by <c>---</c>. The comment lines go at the top of the
    /// first document, not before a separator: kubeadm splits on <c>---</c> and would take a
    /// comment-only chunk for a document without a kind.
    /// </summary>
    public static string Documents(IEnumerable<string> headerComments, IEnumerable<WrittenYamlMap> documents)
    {
        ArgumentNullException.ThrowIfNull(headerComments);
        ArgumentNullException.ThrowIfNull(documents);
        var text = new StringBuilder();
        foreach (var comment in headerComments)
        {
            text.Append("# ").Append(comment).Append('\n');
        }

        var first = true;
        foreach (var document in documents)
        {
            if (!first)
            {
                text.Append("---\n");
            }

            first = false;
            WriteMap(text, document, 0);
        }

        return text.ToString();
    }

    // YAML 1.1 (which Go's yaml readers still honour for these) reads them as booleans or null.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null",
    };

    /// <summary>
    /// True when <paramref name="value"/> reads back as this same string when written plain: it starts
    /// with a letter (so never a number, date or indicator), holds only letters, digits, <c>. - _ /</c>
    /// (so no <c>:</c> or <c>#</c>), and is no boolean or null word.
    /// </summary>
    public static bool IsSafePlain(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0
            && char.IsAsciiLetter(value[0])
            && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/')
            && !Reserved.Contains(value);
    }

    /// <summary>A YAML double-quoted scalar: backslash, quote and control characters escaped.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\t': text.Append("\\t"); break;
                case '\r': text.Append("\\r"); break;
                default:
                    if (char.IsControl(c))
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    private static void WriteMap(StringBuilder text, WrittenYamlMap map, int indent)
    {
        foreach (var (key, value) in map)
        {
            text.Append(' ', indent).Append(key).Append(':');
            WriteValue(text, value, indent);
        }
    }

    // Writes what follows "key:" (or "-"): an inline scalar or empty collection, or a nested block.
    private static void WriteValue(StringBuilder text, WrittenYamlNode value, int indent)
    {
        switch (value)
        {
            case WrittenYamlScalar scalar:
                text.Append(' ').Append(scalar.Text).Append('\n');
                break;
            case WrittenYamlMap { Count: 0 }:
                text.Append(" {}\n");
                break;
            case WrittenYamlList { Count: 0 }:
                text.Append(" []\n");
                break;
            case WrittenYamlMap map:
                text.Append('\n');
                WriteMap(text, map, indent + IndentStep);
                break;
            case WrittenYamlList list:
                text.Append('\n');
                WriteList(text, list, indent + IndentStep);
                break;
            default:
                throw new ArgumentException($"cannot write a {value.GetType().Name}", nameof(value));
        }
    }

    private static void WriteList(StringBuilder text, WrittenYamlList list, int indent)
    {
        foreach (var item in list)
        {
            if (item is WrittenYamlMap { Count: > 0 } map)
            {
                // "- name: x" then "  value: y": the first entry shares the dash's line.
                var block = new StringBuilder();
                WriteMap(block, map, indent + IndentStep);
                text.Append(' ', indent).Append("- ").Append(block, indent + IndentStep, block.Length - indent - IndentStep);
            }
            else if (item is WrittenYamlList { Count: > 0 } inner)
            {
                text.Append(' ', indent).Append("-\n");
                WriteList(text, inner, indent + IndentStep);
            }
            else
            {
                text.Append(' ', indent).Append('-');
                WriteValue(text, item, indent);
            }
        }
    }
}
