using Sixgill.Config;

namespace Sixgill.Tests.Config;

/// <summary>
/// A config text made from a valid base by editing single lines, so that a test shows only the line it
/// breaks. Lines are found by their trimmed text, which must be unique (after an optional anchor line).
/// </summary>
internal sealed record TestConfig(string Text)
{
    /// <summary>A complete ipv6 cluster in CIDR form that loads without a single diagnostic.</summary>
    public static readonly TestConfig Ipv6 = new("""
        general:
          mode: ipv6
          plugin: bridge
          token: "abcdef.0123456789abcdef"
        topology:
          gw:
            interface: eth1
            opmodes: "master dns64 nat64"
            id: 2
          w1:
            interface: eth2
            opmodes: "minion"
            id: 3
        support_net:
          cidr: "fd00:10::/64"
          v4cidr: "198.51.100.0/24"
        mgmt_net:
          cidr: "fd00:20::/64"
        pod_net:
          cidr: "fd00:40::/64"
          node_size: 80
        service_net:
          cidr: "fd00:30::/110"
        nat64:
          v4_cidr: "198.51.100.128/25"
          v4_ip: "198.51.100.2"
          ip: "fd00:10::200"
        dns64:
          remote_server: "203.0.113.53"
          cidr: "fd00:10:64:ff9b::/96"
          ip: "fd00:10::100"
        """);

    /// <summary>A complete dual-stack cluster that loads without a single diagnostic.</summary>
    public static readonly TestConfig DualStack = new("""
        general:
          mode: dual-stack
          token: "abcdef.0123456789abcdef"
        topology:
          cp1:
            interface: eno2
            opmodes: "master"
            id: 2
          wk1:
            interface: eno3
            opmodes: "minion"
            id: 3
        mgmt_net:
          cidr: "fd00:20::/64"
          cidr2: "10.192.0.0/16"
        pod_net:
          cidr: "fd00:40::/64"
          cidr2: "10.244.0.0/16"
        service_net:
          cidr: "fd00:30::/110"
          cidr2: "10.96.0.0/16"
        """);

    /// <summary>Orca's README example with a real token, so that it loads without a single diagnostic.</summary>
    public static readonly TestConfig Orca = new(Example("orca.yaml").Text.Replace("\"<provide>\"", "\"abcdef.0123456789abcdef\"", StringComparison.Ordinal));

    public static TestConfig Example(string name) =>
        new(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", name)));

    public LoadResult Load() => ConfigLoader.Load("config.yaml", Text);

    /// <summary>The line whose trimmed text is <paramref name="line"/> gets <paramref name="with"/>, indentation kept.</summary>
    public TestConfig Replace(string line, string with, string? after = null)
    {
        var lines = Lines();
        var index = Find(lines, line, after);
        lines[index] = Indentation(lines[index]) + with;
        return new TestConfig(string.Join('\n', lines));
    }

    public TestConfig Remove(string line, string? after = null)
    {
        var lines = Lines();
        lines.RemoveAt(Find(lines, line, after));
        return new TestConfig(string.Join('\n', lines));
    }

    /// <summary>Adds <paramref name="added"/> below <paramref name="line"/>, with that line's indentation.</summary>
    public TestConfig InsertAfter(string line, string added, string? after = null)
    {
        var lines = Lines();
        var index = Find(lines, line, after);
        lines.Insert(index + 1, Indentation(lines[index]) + added);
        return new TestConfig(string.Join('\n', lines));
    }

    /// <summary>Adds a whole block (already indented) at the end of the file.</summary>
    public TestConfig Append(string block) => new(Text.TrimEnd('\n') + "\n" + block);

    /// <summary>Where <paramref name="part"/> starts on the line whose trimmed text is <paramref name="line"/>.</summary>
    public SourcePosition At(string line, string part, string? after = null)
    {
        var lines = Lines();
        var index = Find(lines, line, after);
        var column = lines[index].IndexOf(part, StringComparison.Ordinal);
        column.ShouldBeGreaterThanOrEqualTo(0, $"\"{part}\" is not on line \"{line}\"");
        return new SourcePosition(index + 1, column + 1);
    }

    private List<string> Lines() => [.. Text.Split('\n')];

    private static int Find(List<string> lines, string line, string? after)
    {
        var start = after is null ? 0 : Find(lines, after, null) + 1;
        var matches = Enumerable.Range(start, lines.Count - start).Where(i => lines[i].Trim() == line).ToList();
        if (after is not null && matches.Count > 0)
        {
            return matches[0];
        }

        matches.Count.ShouldBe(1, $"the line \"{line}\" must appear exactly once in the config");
        return matches[0];
    }

    private static string Indentation(string line) => line[..(line.Length - line.TrimStart().Length)];
}
