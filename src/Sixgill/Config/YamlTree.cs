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
    /// <summary>
    /// How deep lists and mappings may nest. A Sixgill config needs four levels; the limit keeps the
    /// reader's recursion shallow and its time linear (the YAML scanner's work per token grows with
    /// the depth of open brackets).
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>How many nodes (a million) the tree may stand for, counting each use of an alias as a copy of its anchor (no "billion laughs").</summary>
    public const int MaxNodes = 1_000_000;

    public static ParsedYamlNode? Read(string text, List<Diagnostic> diagnostics)
    {
        var parser = new Parser(new StringReader(text));
        var reading = new Reading(parser);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = parser.Accept<DocumentEnd>(out _) ? null : reading.Node(1).Node;
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.YamlSyntax, Severity.Error, At(second.Start),
                    "the file holds more than one YAML document", "keep one cluster per file"));
            }

            return root is ParsedYamlScalar { IsNull: true } ? null : root;
        }
        catch (InputLimitException e)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.YamlSyntax, Severity.Error, At(e.At), e.Message, e.Hint));
            return null;
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

    /// <summary>One read of a document: the anchors seen so far (with the size of what each stands for) and the node count.</summary>
    private sealed class Reading(IParser parser)
    {
        private readonly Dictionary<string, (ParsedYamlNode Node, long Size)> anchors = new(StringComparer.Ordinal);
        private long nodes;

        /// <summary>The next node and how many nodes it stands for (itself, its children, and every alias's anchor again).</summary>
        public (ParsedYamlNode Node, long Size) Node(int depth)
        {
            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                var target = anchors.TryGetValue(alias.Value.Value, out var anchored)
                    ? anchored
                    : throw new YamlException(alias.Start, alias.End, $"the alias *{alias.Value} names no anchor");
                Count(target.Size, alias.Start);
                return target;
            }

            if (depth > MaxDepth)
            {
                throw new InputLimitException(parser.Current?.Start ?? Mark.Empty,
                    $"lists and mappings nest deeper than {MaxDepth} levels here",
                    "a Sixgill config needs a few levels; look for a run of [, { or - that is never closed or went wrong");
            }

            var (node, size, anchor) = parser.Current switch
            {
                Scalar => ReadScalar(),
                MappingStart => ReadMap(depth),
                _ => ReadList(depth),
            };
            if (anchor is not null)
            {
                anchors[anchor] = (node, size);
            }

            return (node, size);
        }

        private (ParsedYamlNode, long, string?) ReadScalar()
        {
            var scalar = parser.Consume<Scalar>();
            Count(1, scalar.Start);
            return (new ParsedYamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, At(scalar.Start)), 1, scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value);
        }

        private (ParsedYamlNode, long, string?) ReadMap(int depth)
        {
            var mapStart = parser.Consume<MappingStart>();
            Count(1, mapStart.Start);
            var entries = new List<ParsedYamlEntry>();
            long size = 1;
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyStart = parser.Current!.Start;
                var (key, keySize) = Node(depth + 1);
                if (key is not ParsedYamlScalar scalarKey)
                {
                    throw new YamlException(keyStart, keyStart, "a key must be a plain word, not a list or a mapping");
                }

                var (value, valueSize) = Node(depth + 1);
                entries.Add(new ParsedYamlEntry(scalarKey, value));
                size += keySize + valueSize;
            }

            return (new ParsedYamlMap(entries, At(mapStart.Start)), size, mapStart.Anchor.IsEmpty ? null : mapStart.Anchor.Value);
        }

        private (ParsedYamlNode, long, string?) ReadList(int depth)
        {
            var listStart = parser.Consume<SequenceStart>();
            Count(1, listStart.Start);
            var items = new List<ParsedYamlNode>();
            long size = 1;
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                var (item, itemSize) = Node(depth + 1);
                items.Add(item);
                size += itemSize;
            }

            return (new ParsedYamlList(items, At(listStart.Start)), size, listStart.Anchor.IsEmpty ? null : listStart.Anchor.Value);
        }

        private void Count(long size, Mark at)
        {
            nodes += size;
            if (nodes > MaxNodes)
            {
                throw new InputLimitException(at, $"the file stands for more than a million values (aliases count as copies of their anchors)",
                    "a Sixgill config is small; look for aliases (*name) that repeat large anchors");
            }
        }
    }

    /// <summary>A limit on the input was reached: a positioned SG001 with its own hint, not a generic syntax error.</summary>
    private sealed class InputLimitException(Mark at, string message, string hint) : Exception(message)
    {
        public Mark At { get; } = at;

        public string Hint { get; } = hint;
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
