using System.Text.RegularExpressions;
using Sixgill.Machine;
using Sixgill.Values;

namespace Sixgill.Tests.Engine.Fakes;

/// <summary>nftables tables, read from the rulesets loaded: <c>table F N</c> and <c>ip saddr P masquerade</c> lines.</summary>
internal sealed partial class FakeNftables(Doom? doom = null) : INftables
{
    private readonly Doom doom = doom ?? new Doom();
    private readonly SortedDictionary<string, NftTable> tables = new(StringComparer.Ordinal);

    public List<string> Log { get; } = [];

    public FakeNftables WithTable(string family, string name, params string[] masquerades)
    {
        tables[$"{family} {name}"] = new NftTable(family, name, [.. masquerades.Select(Prefix.Parse)]);
        return this;
    }

    public NftTable? FindTable(string family, string name)
    {
        doom.Check();
        return tables.GetValueOrDefault($"{family} {name}");
    }

    public void Load(string ruleset)
    {
        doom.Change();
        Log.Add("load");
        NftTable? table = null;
        foreach (var line in ruleset.Split('\n').Select(l => l.Trim()))
        {
            if (TableLine().Match(line) is { Success: true } t)
            {
                table = new NftTable(t.Groups[1].Value, t.Groups[2].Value, []);
            }
            else if (MasqueradeLine().Match(line) is { Success: true } m && table is not null)
            {
                table = table with { Masquerades = table.Masquerades.Add(Prefix.Parse(m.Groups[1].Value)) };
            }
        }

        tables[$"{table!.Family} {table.Name}"] = table; // the ruleset replaces the table whole
    }

    public bool DeleteTable(string family, string name)
    {
        doom.Change();
        Log.Add($"delete table {family} {name}");
        return tables.Remove($"{family} {name}"); // nft's "No such file or directory": false
    }

    public string Snapshot() => string.Concat(tables.Values.Select(t => $"table {t.Family} {t.Name}: {string.Join(", ", t.Masquerades)}\n"));

    [GeneratedRegex(@"^table (\w+) (\w+) \{$")]
    private static partial Regex TableLine();

    [GeneratedRegex(@"^ip saddr (\S+) masquerade$")]
    private static partial Regex MasqueradeLine();
}
