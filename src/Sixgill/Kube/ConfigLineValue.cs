namespace Sixgill.Kube;

/// <summary>
/// One <c>key: value  # comment</c> line of the config file, taken apart so that only the value
/// changes: the key, the spacing and any comment after the value stay as they are.
/// </summary>
internal readonly record struct ConfigLineValue(int Indent, string Key, string Prefix, string Value, string Rest)
{
    /// <summary>
    /// Reads a block-mapping entry: <c>Prefix</c> is everything up to the value (indent, key, colon and
    /// the spaces after it), <c>Value</c> the scalar as written (quotes included), <c>Rest</c> what
    /// follows it (spaces and comment). False for comments, blank lines, list items and anything that
    /// is not a plain key followed by a colon.
    /// </summary>
    public static bool TryRead(string line, out ConfigLineValue entry)
    {
        entry = default;
        var indent = 0;
        while (indent < line.Length && line[indent] == ' ')
        {
            indent++;
        }

        var keyEnd = indent;
        while (keyEnd < line.Length && (char.IsAsciiLetterOrDigit(line[keyEnd]) || line[keyEnd] is '_' or '-'))
        {
            keyEnd++;
        }

        if (keyEnd == indent || line[indent] == '-')
        {
            return false;
        }

        var colon = keyEnd;
        while (colon < line.Length && line[colon] is ' ' or '\t')
        {
            colon++;
        }

        // "key:" must end the line or be followed by a space: "key:value" is a plain scalar, not an entry.
        if (colon >= line.Length || line[colon] != ':' || (colon + 1 < line.Length && line[colon + 1] is not (' ' or '\t')))
        {
            return false;
        }

        var valueStart = colon + 1;
        while (valueStart < line.Length && line[valueStart] is ' ' or '\t')
        {
            valueStart++;
        }

        var valueEnd = ValueEnd(line, valueStart);
        entry = new ConfigLineValue(indent, line[indent..keyEnd], line[..valueStart], line[valueStart..valueEnd], line[valueEnd..]);
        return true;
    }

    /// <summary>No value on this line (only perhaps a comment): a nested block, or null.</summary>
    public bool IsEmpty => Value.Length == 0;

    /// <summary>
    /// The value as a reader sees it, for the scalar forms a person writes for a token: plain,
    /// <c>'single'</c> or <c>"double"</c> quoted. Null for anything else (block scalars, anchors,
    /// tags, flow collections), which this editor does not rewrite.
    /// </summary>
    public string? ScalarText() => Value switch
    {
        "" or "~" or "null" or "Null" or "NULL" => "",
        ['"', ..] => DoubleQuotedText(Value),
        ['\'', ..] => SingleQuotedText(Value),
        [var first, ..] when first is '|' or '>' or '&' or '*' or '!' or '[' or '{' or '@' or '`' or '%' => null,
        _ => Value,
    };

    /// <summary>The line with <paramref name="quotedValue"/> in place of the value, everything else kept.</summary>
    public string With(string quotedValue)
    {
        // "key:" or "key: # note" had no value: make room for one, and keep the comment apart from it.
        var prefix = Prefix.EndsWith(' ') || Prefix.EndsWith('\t') ? Prefix : Prefix + " ";
        var rest = IsEmpty && Rest.Length > 0 && Rest[0] == '#' ? " " + Rest : Rest;
        return prefix + quotedValue + rest;
    }

    // Null unless the quotes close at the end of the line: a double-quoted scalar may run on to the next.
    private static string? DoubleQuotedText(string value)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 1; i < value.Length; i++)
        {
            switch (value[i])
            {
                case '"':
                    return i == value.Length - 1 ? text.ToString() : null;
                case '\\' when i + 1 < value.Length && value[i + 1] is '"' or '\\' or '/':
                    text.Append(value[++i]);
                    break;
                case '\\':
                    // Other escapes never occur in a token or a hash: no need to decode them to compare.
                    return null;
                default:
                    text.Append(value[i]);
                    break;
            }
        }

        return null;
    }

    private static string? SingleQuotedText(string value)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] != '\'')
            {
                text.Append(value[i]);
            }
            else if (i + 1 < value.Length && value[i + 1] == '\'')
            {
                text.Append(value[++i]);
            }
            else
            {
                return i == value.Length - 1 ? text.ToString() : null;
            }
        }

        return null;
    }

    // Where the value ends: after the closing quote, or (plain) before " #" or trailing spaces.
    private static int ValueEnd(string line, int start)
    {
        if (start >= line.Length || line[start] == '#')
        {
            return start;
        }

        if (line[start] == '"')
        {
            for (var i = start + 1; i < line.Length; i++)
            {
                if (line[i] == '\\')
                {
                    i++;
                }
                else if (line[i] == '"')
                {
                    return i + 1;
                }
            }

            return line.Length;
        }

        if (line[start] == '\'')
        {
            for (var i = start + 1; i < line.Length; i++)
            {
                if (line[i] == '\'')
                {
                    if (i + 1 < line.Length && line[i + 1] == '\'')
                    {
                        i++;
                    }
                    else
                    {
                        return i + 1;
                    }
                }
            }

            return line.Length;
        }

        var end = line.Length;
        var comment = line.IndexOf(" #", start, StringComparison.Ordinal);
        var tabComment = line.IndexOf("\t#", start, StringComparison.Ordinal);
        if (comment < 0 || (tabComment >= 0 && tabComment < comment))
        {
            comment = tabComment;
        }

        if (comment >= 0)
        {
            end = comment;
        }

        while (end > start && line[end - 1] is ' ' or '\t')
        {
            end--;
        }

        return end;
    }
}
