namespace Sixgill.Kube;

/// <summary>
/// Writes the bootstrap token and the CA cert hash into the cluster file's text (docs/steps.md, <c>init</c>)
/// as a person would with an editor: only the lines that hold (or now receive) the two settings change;
/// every other line, comment, key order, indentation and line ending stays byte for byte.
/// </summary>
/// <remarks>
/// <para>Where the values go:</para>
/// <list type="bullet">
/// <item>The token replaces every existing value of the setting: Orca's top-level <c>token:</c> and/or
/// <c>general.token</c> (the loader reads both as one setting; updating both keeps them equal).</item>
/// <item>With no token anywhere, it goes into <c>general</c>.</item>
/// <item>The hash is <c>general.token_cert_hash</c> (or the <c>token-cert-hash</c> spelling already there):
/// it has no top-level form, so an Orca file without a <c>general:</c> section gets one, placed right
/// after its top-level <c>token:</c> line so that the token and its hash read together. A file with
/// neither gets a new <c>general:</c> section before its first key (after any leading comments).</item>
/// <item>Inside <c>general</c>, a missing key goes next to its partner (the hash after the token, the
/// token before the hash) or after the section's last entry, at the section's indentation.</item>
/// </list>
/// <para>Values are written double-quoted; a comment after a replaced value stays. A value that already
/// reads the same (whatever its quoting) is left untouched, so a second run changes nothing.</para>
/// </remarks>
internal static class ConfigFileEditor
{
    private const string General = "general";

    private static readonly string[] TokenKeys = ["token"];

    private static readonly string[] HashKeys = ["token_cert_hash", "token-cert-hash"];

    /// <summary>
    /// <paramref name="text"/> with <paramref name="token"/> and <paramref name="certHash"/> set. Throws
    /// <see cref="NotSupportedException"/> when the file holds the settings in a form this editor does
    /// not rewrite (flow style, block scalars, anchors); the message names the line, never the secret.
    /// </summary>
    public static string SetToken(string text, string token, string certHash)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!BootstrapToken.IsWellFormed(token))
        {
            throw new ArgumentException("the token is not in kubeadm's format [a-z0-9]{6}.[a-z0-9]{16}", nameof(token));
        }

        if (certHash is null || certHash.Length != 64 || !certHash.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            throw new ArgumentException("the CA cert hash is not 64 lower-case hex digits", nameof(certHash));
        }

        var bom = text.StartsWith('\uFEFF') ? "\uFEFF" : "";
        var lines = ConfigLines.Split(text[bom.Length..]);
        var newline = lines.Select(l => l.Ending).FirstOrDefault(e => e.Length > 0) ?? "\n";

        var quotedToken = YamlEmitter.Quote(token);
        var quotedHash = YamlEmitter.Quote(certHash);

        var topLevelToken = FindKey(lines, 0, lines.Count, 0, TokenKeys);
        if (topLevelToken >= 0)
        {
            Replace(lines, topLevelToken, token, quotedToken);
        }

        var general = FindKey(lines, 0, lines.Count, 0, [General]);
        if (general < 0)
        {
            var indent = new string(' ', IndentUnit(lines));
            var block = new List<string> { $"{General}:" };
            if (topLevelToken < 0)
            {
                block.Add($"{indent}token: {quotedToken}");
            }

            block.Add($"{indent}token_cert_hash: {quotedHash}");
            Insert(lines, topLevelToken >= 0 ? topLevelToken + 1 : FirstKeyLine(lines), block, newline);
            return bom + ConfigLines.Join(lines);
        }

        EnsureBlockSection(lines, general);
        var (start, end, sectionIndent) = Section(lines, general);
        var pad = new string(' ', sectionIndent ?? IndentUnit(lines));
        var tokenLine = FindKey(lines, start, end, sectionIndent, TokenKeys);
        var hashLine = FindKey(lines, start, end, sectionIndent, HashKeys);

        if (tokenLine >= 0)
        {
            Replace(lines, tokenLine, token, quotedToken);
        }

        if (hashLine >= 0)
        {
            Replace(lines, hashLine, certHash, quotedHash);
        }

        var lastEntry = LastContentLine(lines, start, end) ?? general;
        if (tokenLine < 0 && topLevelToken < 0)
        {
            // Before the hash when it is there, so the pair reads token first; else at the section's end.
            var at = hashLine >= 0 ? hashLine : lastEntry + 1;
            Insert(lines, at, [$"{pad}token: {quotedToken}"], newline);
            tokenLine = at;
            lastEntry++;
            if (hashLine >= 0)
            {
                hashLine++;
            }
        }

        if (hashLine < 0)
        {
            Insert(lines, tokenLine >= start && tokenLine <= lastEntry ? tokenLine + 1 : lastEntry + 1, [$"{pad}token_cert_hash: {quotedHash}"], newline);
        }

        return bom + ConfigLines.Join(lines);
    }

    private static void Replace(List<ConfigLine> lines, int index, string value, string quoted)
    {
        ConfigLineValue.TryRead(lines[index].Content, out var entry);
        var current = entry.ScalarText();
        if (current is null || (entry.IsEmpty && index + 1 < lines.Count && IsMoreIndented(lines[index + 1].Content, entry.Indent)))
        {
            throw new NotSupportedException(
                $"line {index + 1}: '{entry.Key}' is not a one-line scalar; write the value on that line by hand, as {entry.Key}: \"…\"");
        }

        if (current != value)
        {
            lines[index] = lines[index] with { Content = entry.With(quoted) };
        }
    }

    // "general: {mode: ipv6}" and the like: entries cannot be added to it line by line.
    private static void EnsureBlockSection(List<ConfigLine> lines, int general)
    {
        ConfigLineValue.TryRead(lines[general].Content, out var entry);
        if (!entry.IsEmpty)
        {
            throw new NotSupportedException(
                $"line {general + 1}: 'general' is written on one line; make it a block (general: then one indented key per line) and run init again");
        }
    }

    /// <summary>The lines after <c>general:</c> up to the next top-level key, and the indentation of its entries (null when it has none).</summary>
    private static (int Start, int End, int? Indent) Section(List<ConfigLine> lines, int general)
    {
        var start = general + 1;
        var end = start;
        int? indent = null;
        while (end < lines.Count)
        {
            var content = lines[end].Content;
            if (IsBlankOrComment(content))
            {
                end++;
                continue;
            }

            if (content[0] != ' ')
            {
                break;
            }

            indent ??= content.Length - content.TrimStart(' ').Length;
            end++;
        }

        return (start, end, indent);
    }

    private static int FindKey(List<ConfigLine> lines, int start, int end, int? indent, string[] keys)
    {
        if (indent is null)
        {
            return -1;
        }

        for (var i = start; i < end; i++)
        {
            if (ConfigLineValue.TryRead(lines[i].Content, out var entry) && entry.Indent == indent && keys.Contains(entry.Key))
            {
                return i;
            }
        }

        return -1;
    }

    private static int? LastContentLine(List<ConfigLine> lines, int start, int end)
    {
        for (var i = end - 1; i >= start; i--)
        {
            if (!IsBlankOrComment(lines[i].Content))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The first top-level key, after leading comments, blank lines and a <c>---</c>; the end if none.</summary>
    private static int FirstKeyLine(List<ConfigLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var content = lines[i].Content;
            if (!IsBlankOrComment(content) && !content.StartsWith("---", StringComparison.Ordinal) && !content.StartsWith('%'))
            {
                return i;
            }
        }

        return lines.Count;
    }

    /// <summary>The file's own indentation step: that of the first nested entry (2 if there is none).</summary>
    private static int IndentUnit(List<ConfigLine> lines)
    {
        foreach (var line in lines)
        {
            var content = line.Content;
            if (!IsBlankOrComment(content) && content[0] == ' ')
            {
                return content.Length - content.TrimStart(' ').Length;
            }
        }

        return 2;
    }

    private static void Insert(List<ConfigLine> lines, int at, List<string> contents, string newline)
    {
        // Appending after a last line without a line end: that line gets one; the file still ends without.
        var atEnd = at == lines.Count;
        if (atEnd && at > 0 && lines[at - 1].Ending.Length == 0)
        {
            lines[at - 1] = lines[at - 1] with { Ending = newline };
            lines.InsertRange(at, contents.Select((c, i) => new ConfigLine(c, i == contents.Count - 1 ? "" : newline)));
            return;
        }

        lines.InsertRange(at, contents.Select(c => new ConfigLine(c, newline)));
    }

    private static bool IsBlankOrComment(string content)
    {
        var trimmed = content.AsSpan().TrimStart(" \t");
        return trimmed.IsEmpty || trimmed[0] == '#';
    }

    private static bool IsMoreIndented(string content, int indent) =>
        !IsBlankOrComment(content) && content.Length - content.TrimStart(' ').Length > indent;
}
