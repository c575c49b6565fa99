using System.Text;

namespace Sixgill.Tests.Config;

/// <summary>
/// Seeded mutations of a config text: lines dropped, doubled, swapped or re-indented; values replaced
/// by odd ones; control characters, brackets, anchors, aliases and quotes inserted; the text cut,
/// repeated or nested deep; long scalars. The same seed gives the same cases on every machine.
/// </summary>
internal sealed class ConfigMutator(int seed)
{
    private static readonly string[] OddValues =
    [
        "", "~", "[]", "{}", "[[[[", "]]", "{a: [b, {c: d}]}", "&a x", "*a", "*nowhere", "!!binary AAAA", "!tag x", "|", ">-",
        "\"\\e[2J\\r\\n\"", "'it''s'", "\"\\u202E\"", "-1", "0", "99999999999999999999", "1e309", "0x10", "0o17", ".inf", ".nan",
        "::", "::/0", "0.0.0.0/0", "fd00::/129", "fd00:20::2/64", "10.0.0.1/33", "256.1.1.1", "yes", "no", "null", "true",
        "master master", "minion dns64 nat64 gateway", "eth0\u0000", "a:b:c", "\t", "- a\n- b", "@file", "%TAG", "? x",
    ];

    private static readonly string[] Fragments =
    [
        "\u001b[31m", "\r", "\b", "\u0000", "\u007f", "\u009b", "\u202e", "\t", "\n", "\r\n", "[", "]", "{", "}", "&a ", "*a", "<<: *a",
        "\"", "'", "#", ": ", "- ", "---\n", "...\n", "%YAML 1.1\n", "? ", "|", ">", "!", "\ufeff", "é", "𝄞", "\\",
    ];

    private readonly Random random = new(seed);

    /// <summary>One to four mutations of <paramref name="text"/>, and what they were (for a failure's message).</summary>
    public (string Text, string Applied) Mutate(string text)
    {
        var applied = new List<string>();
        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            var (next, what) = Once(text);
            text = next;
            applied.Add(what);
        }

        return (text, string.Join(", ", applied));
    }

    private (string, string) Once(string text)
    {
        var lines = text.Split('\n').ToList();
        var line = random.Next(lines.Count);
        switch (random.Next(12))
        {
            case 0:
                lines.RemoveAt(line);
                return (Join(lines), $"drop line {line + 1}");
            case 1:
                lines.Insert(line, lines[line]);
                return (Join(lines), $"double line {line + 1}");
            case 2:
                var other = random.Next(lines.Count);
                (lines[line], lines[other]) = (lines[other], lines[line]);
                return (Join(lines), $"swap lines {line + 1} and {other + 1}");
            case 3:
                var colon = lines[line].IndexOf(':', StringComparison.Ordinal);
                var value = OddValues[random.Next(OddValues.Length)];
                lines[line] = colon < 0 ? value : lines[line][..(colon + 1)] + " " + value;
                return (Join(lines), $"line {line + 1} value {Printable(value)}");
            case 4:
                var at = random.Next(text.Length + 1);
                var fragment = Fragments[random.Next(Fragments.Length)];
                return (text.Insert(at, fragment), $"insert {Printable(fragment)} at {at}");
            case 5:
                lines[line] = new string(' ', random.Next(0, 9)) + lines[line].TrimStart();
                return (Join(lines), $"re-indent line {line + 1}");
            case 6:
                var cut = random.Next(text.Length + 1);
                return (text[..cut], $"cut at {cut}");
            case 7:
                var start = random.Next(text.Length + 1);
                var length = Math.Min(random.Next(1, 64), text.Length - start);
                var times = random.Next(2, 2000);
                return (text.Insert(start, string.Concat(Enumerable.Repeat(text.Substring(start, length), times))), $"repeat {length} chars at {start} x{times}");
            case 8:
                var depth = random.Next(10, 5000);
                var open = random.Next(3) switch { 0 => "[", 1 => "{a: ", _ => "- " };
                lines.Insert(line, string.Concat(Enumerable.Repeat(open, depth)) + "x");
                return (Join(lines), $"nest {Printable(open)} x{depth} at line {line + 1}");
            case 9:
                var longValue = new string((char)random.Next('a', 'z' + 1), random.Next(100, 200_000));
                var separator = lines[line].IndexOf(':', StringComparison.Ordinal);
                lines[line] = separator < 0 ? longValue : lines[line][..(separator + 1)] + " " + longValue;
                return (Join(lines), $"line {line + 1} value of {longValue.Length} chars");
            case 10:
                var bytes = new byte[random.Next(1, 16)];
                random.NextBytes(bytes);
                var noise = Encoding.Latin1.GetString(bytes);
                var where = random.Next(text.Length + 1);
                return (text.Insert(where, noise), $"insert {bytes.Length} random bytes at {where}");
            default:
                var anchor = random.Next(lines.Count);
                lines[anchor] = lines[anchor].Replace(": ", ": &a ", StringComparison.Ordinal);
                lines.Insert(line, "x" + random.Next(1000) + ": *a");
                return (Join(lines), $"anchor on line {anchor + 1}, alias at {line + 1}");
        }
    }

    private static string Join(List<string> lines) => string.Join('\n', lines);

    private static string Printable(string text) => Sixgill.Config.EchoText.Escape(text);
}
