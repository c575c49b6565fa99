using Sixgill.Config;

namespace Sixgill.Tests.Config;

/// <summary>
/// Whatever a file holds, loading gives diagnostics or a cluster, never an exception: a missing check
/// would surface here as the assembler's "did not bind, yet no error was reported".
/// </summary>
public sealed class RobustnessTests
{
    public static TheoryData<string> Bases => ["ipv6", "dual-stack", "orca", "lab.yaml", "ipv4.yaml"];

    [Theory]
    [MemberData(nameof(Bases))]
    public void Removing_any_one_line_gives_diagnostics_or_a_cluster_never_an_exception(string name)
    {
        var lines = Base(name).Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var text = string.Join('\n', lines.Where((_, index) => index != i));
            Check(text, $"without line {i + 1} \"{lines[i]}\"");
        }
    }

    [Theory]
    [MemberData(nameof(Bases))]
    public void Any_one_value_made_empty_or_odd_gives_diagnostics_or_a_cluster_never_an_exception(string name)
    {
        var lines = Base(name).Text.Split('\n');
        string[] odd = ["", "\"\"", "~", "[]", "{}", "0", "-1", "99999999999", "::", "0.0.0.0/0", "::/0", "\"a b\"", "yes"];
        for (var i = 0; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || lines[i].TrimStart().StartsWith('#'))
            {
                continue;
            }

            foreach (var value in odd)
            {
                var changed = lines.ToArray();
                changed[i] = lines[i][..(colon + 1)] + " " + value;
                Check(string.Join('\n', changed), $"line {i + 1} set to \"{changed[i]}\"");
            }
        }
    }

    [Theory]
    [InlineData("fd00:20::/128", "id: 3", "id: 1")]
    [InlineData("fd00:20::/127", "id: 3", "id: 1")]
    public void Id_one_on_a_management_network_without_room_is_reported_not_thrown(string mgmt, string line, string with)
    {
        var config = TestConfig.Ipv6.Replace("cidr: \"fd00:20::/64\"", $"cidr: \"{mgmt}\"").Replace(line, with);

        Check(config.Text, mgmt);
    }

    [Theory]
    [InlineData("fd00:10::/128")]
    [InlineData("fd00:10::/127")]
    [InlineData("fd00:10::/126")]
    public void Service_addresses_outside_a_tiny_support_network_are_reported_not_thrown(string support)
    {
        var config = TestConfig.Ipv6.Replace("cidr: \"fd00:10::/64\"", $"cidr: \"{support}\"");

        Check(config.Text, support);
        config.Load().Errors.Select(e => e.Code).ShouldContain(DiagnosticCodes.ServiceAddressOutside);
    }

    private static void Check(string text, string what)
    {
        var result = Should.NotThrow(() => ConfigLoader.Load("config.yaml", text), what);
        (result.Cluster is null).ShouldBe(result.HasErrors, $"{what}: {string.Join('\n', result.Lines)}");
    }

    private static TestConfig Base(string name) => name switch
    {
        "ipv6" => TestConfig.Ipv6,
        "dual-stack" => TestConfig.DualStack,
        "orca" => TestConfig.Orca,
        _ => TestConfig.Example(name),
    };
}
