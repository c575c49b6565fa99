using System.Globalization;
using System.Text.RegularExpressions;
using Sixgill.Machine;
using Sixgill.Values;

namespace Sixgill.Host.Network;

/// <summary>
/// Reads what <c>nft -e -a -f</c> prints: the kernel's echo of what the transaction made, one line
/// each, in nft's own syntax, with the handle the kernel gave it (<c>add table ip sixgill # handle 3</c>,
/// <c>add rule ip sixgill postrouting ip saddr 198.51.100.128/25 masquerade # handle 2</c>). Pure,
/// so it is tested against captured output.
/// </summary>
/// <remarks>
/// Text, not <c>-j</c>: with <c>-j</c>, nft 1.0.6 first reads a script as JSON and, when that fails,
/// reads it again as text; from a pipe the second read finds nothing, and nft exits 0 having loaded
/// nothing.
/// </remarks>
internal static partial class NftEcho
{
    /// <summary>
    /// The tables the load made anew, each with the sources its rules masquerade (the rules
    /// <see cref="NftJson"/> reads in a listing). Only a table whose creation is in the echo, with a
    /// kernel handle, is whole there; one the load only added to or changed otherwise (a delete, a
    /// replace) is left out.
    /// </summary>
    public static IReadOnlyList<NftTable> Created(string echo)
    {
        ArgumentNullException.ThrowIfNull(echo);
        var tables = new Dictionary<string, NftTable>(StringComparer.Ordinal);
        var unsure = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in echo.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#'))
        {
            var words = line.Split(' ');
            if (words.Length < 4)
            {
                continue;
            }

            var key = $"{words[2]} {words[3]}";
            if (TableLine().Match(line) is { Success: true } table)
            {
                tables[key] = new NftTable(table.Groups["family"].Value, table.Groups["name"].Value, []);
                if (long.Parse(table.Groups["handle"].Value, CultureInfo.InvariantCulture) > 0)
                {
                    unsure.Remove(key);
                }
                else
                {
                    unsure.Add(key);
                }
            }
            else if (words[0] == "add" && words[1] == "rule")
            {
                if (tables.TryGetValue(key, out var made) && MasqueradeLine().Match(line) is { Success: true } rule && Source(rule.Groups["source"].Value) is { } source)
                {
                    tables[key] = made with { Masquerades = made.Masquerades.Add(source) };
                }
            }
            else if (words[0] == "add")
            {
                // a chain, a set: nothing Sixgill reads
            }
            else if (words[0] is "delete" or "destroy" && words[1] == "table")
            {
                tables.Remove(key);
            }
            else
            {
                unsure.Add(key);
            }
        }

        return [.. tables.Where(t => !unsure.Contains(t.Key)).Select(t => t.Value)];
    }

    private static Prefix? Source(string text)
    {
        if (text.Contains('/', StringComparison.Ordinal))
        {
            return Prefix.TryParse(text, out var prefix) == Prefix.ParseOutcome.Ok ? prefix : null;
        }

        return Ip.TryParse(text, out var single) ? new Prefix(single, single.Width) : null;
    }

    [GeneratedRegex(@"^add table (?<family>\S+) (?<name>\S+)(?: \{.*\})? # handle (?<handle>\d{1,18})$")]
    private static partial Regex TableLine();

    [GeneratedRegex(@"^add rule \S+ \S+ \S+ ip saddr (?<source>\S+) masquerade # handle \d+$")]
    private static partial Regex MasqueradeLine();
}
