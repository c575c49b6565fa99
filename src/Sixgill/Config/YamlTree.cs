using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Sixgill.Config;

/// <summary>A YAML node with the position it was read at.</summary>
internal abstract record ParsedYamlNode(SourcePosition Position);

internal sealed record ParsedYamlScalar(string Text, bool IsPlain, SourcePosition Position) : ParsedYamlNode(Position)
{
    /// <summary>A plain <c>~</c>, <c>null</c> or nothing at all: YAML's null.</summary>
    public bool IsNull => IsPlain && Text is "" or "~" or "null" or "Null" or "NULL";
}

internal sealed record ParsedYamlEntry(ParsedYamlScalar Key, ParsedYamlNode Value);

internal sealed record ParsedYamlMap(IReadOnlyList<ParsedYamlEntry> Entries, SourcePosition Position) : ParsedYamlNode(Position);

internal sealed record ParsedYamlList(IReadOnlyList<ParsedYamlNode> Items, SourcePosition Position) : ParsedYamlNode(Position);

/// <summary>
/// Builds a <see cref="ParsedYamlNode"/> tree from YamlDotNet's event parser. Unlike the representation
/// model it keeps duplicate keys (so they can be reported with both positions) and never throws:
/// a syntax error becomes a diagnostic at the place the parser stopped.
/// </summary>
internal static class YamlTree
{
    public static ParsedYamlNode? Read(string text, List<Diagnostic> diagnostics)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, ParsedYamlNode>(StringComparer.Ordinal);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = parser.Accept<DocumentEnd>(out _) ? null : ReadNode(parser, anchors);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.YamlSyntax, Severity.Error, At(second.Start),
                    "the file holds more than one YAML document", "keep one cluster per file"));
            }

            return root is ParsedYamlScalar { IsNull: true } ? null : root;
        }
        catch (YamlException e)
        {
            // YamlDotNet reports a tab in the indentation at the start of the enclosing mapping, often line 1:
            // the tab itself is the place to show.
            var tab = e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) ? FirstIndentationTab(text) : null;
            diagnostics.Add(new Diagnostic(DiagnosticCodes.YamlSyntax, Severity.Error, tab ?? At(e.Start),
                "YAML syntax: " + Describe(e), SyntaxHint(text, e, tab)));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some unclosed brackets and quotes;
            // the last event it produced is the nearest known place.
            var at = parser.Current is { } last ? At(last.End) : SourcePosition.Start;
            diagnostics.Add(new Diagnostic(DiagnosticCodes.YamlSyntax, Severity.Error, at,
                "YAML syntax: the file cannot be read past this place", "look for an unclosed [, { or quote"));
            return null;
        }
    }

    private static ParsedYamlNode ReadNode(IParser parser, Dictionary<string, ParsedYamlNode> anchors)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors.TryGetValue(alias.Value.Value, out var target)
                ? target
                : throw new YamlException(alias.Start, alias.End, $"the alias *{alias.Value} names no anchor");
        }

        ParsedYamlNode node;
        string? anchor;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            node = new ParsedYamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, At(scalar.Start));
            anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
        }
        else if (parser.TryConsume<MappingStart>(out var mapStart))
        {
            var entries = new List<ParsedYamlEntry>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyStart = parser.Current!.Start;
                if (ReadNode(parser, anchors) is not ParsedYamlScalar key)
                {
                    throw new YamlException(keyStart, keyStart, "a key must be a plain word, not a list or a mapping");
                }

                entries.Add(new ParsedYamlEntry(key, ReadNode(parser, anchors)));
            }

            node = new ParsedYamlMap(entries, At(mapStart.Start));
            anchor = mapStart.Anchor.IsEmpty ? null : mapStart.Anchor.Value;
        }
        else
        {
            var listStart = parser.Consume<SequenceStart>();
            var items = new List<ParsedYamlNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser, anchors));
            }

            node = new ParsedYamlList(items, At(listStart.Start));
            anchor = listStart.Anchor.IsEmpty ? null : listStart.Anchor.Value;
        }

        if (anchor is not null)
        {
            anchors[anchor] = node;
        }

        return node;
    }

    private static SourcePosition At(Mark mark) => new(Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column));

    private static string Describe(YamlException e)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 1, Idx: ...) - (...)": the position is ours to print.
        var message = e.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        message = cut >= 0 ? message[(cut + 3)..] : message;
        return message.TrimEnd('.');
    }

    private static string? SyntaxHint(string text, YamlException e, SourcePosition? tab)
    {
        var lines = text.Split('\n');
        var index = (int)e.Start.Line - 1;
        if (tab is not null || (index >= 0 && index < lines.Length && lines[index].TrimStart(' ').StartsWith('\t')))
        {
            return "YAML indentation must use spaces, not tabs";
        }

        return "check the indentation and the quoting around this place";
    }

    /// <summary>Where the first tab in a line's leading white space is, if any line has one.</summary>
    private static SourcePosition? FirstIndentationTab(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indentation = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var column = lines[i].IndexOf('\t', 0, indentation);
            if (column >= 0)
            {
                return new SourcePosition(i + 1, column + 1);
            }
        }

        return null;
    }
}
