using Sixgill.Config;
using static Sixgill.Config.DiagnosticCodes;

namespace Sixgill.Tests.Config;

/// <summary>
/// Where a diagnostic stands: a rule about a value on that value's own line, and a rule about a missing
/// partner on the line of the part that needs it (not on its section's line, nor at the top of the file).
/// </summary>
public sealed class PositionTests
{
    private static readonly TestConfig Orca = TestConfig.Orca;

    [Fact]
    public void A_dns64_prefix_without_its_prefix_size_is_reported_on_the_prefix_line()
    {
        var config = Orca.Remove("prefix_size: 96");

        var error = config.Load().ShouldFailOnlyWith(MissingKey, config.At("prefix: \"fd00:10:64:ff9b::\"", "prefix"));

        error.Message.ShouldBe("dns64.prefix_size is missing: dns64.prefix needs it");
        error.Hint.ShouldBe("add \"prefix_size:\" beside \"prefix:\"");
    }

    [Fact]
    public void A_prefix_size_without_its_prefix_is_reported_on_the_prefix_size_line()
    {
        var config = Orca.Remove("prefix: \"fd00:10:64:ff9b::\"");

        config.Load().ShouldFailOnlyWith(MissingKey, config.At("prefix_size: 96", "prefix_size"))
            .Message.ShouldBe("dns64.prefix is missing: dns64.prefix_size needs it");
    }

    [Fact]
    public void A_subnet_without_its_size_is_reported_on_the_subnet_line()
    {
        var config = Orca.Remove("size: 64", after: "support_net:");

        config.Load().ShouldFailOnlyWith(MissingKey, config.At("subnet: \"fd00:10::\"", "subnet"))
            .Message.ShouldBe("support_net.size is missing: support_net.subnet needs it");
    }

    [Fact]
    public void A_size_without_its_subnet_is_reported_on_the_size_line()
    {
        var config = Orca.Remove("subnet: \"fd00:20::\"");

        config.Load().ShouldFailOnlyWith(MissingKey, config.At("size: 64", "size", after: "mgmt_net:"))
            .Message.ShouldBe("mgmt_net.subnet is missing: mgmt_net.size needs it");
    }

    [Fact]
    public void An_orca_pod_prefix_without_its_size_is_reported_on_the_prefix_line()
    {
        var config = Orca.Remove("size: 80");

        config.Load().ShouldFailOnlyWith(MissingKey, config.At("prefix: \"fd00:40:0:0\"", "prefix"))
            .Message.ShouldBe("pod_net.size is missing: pod_net.prefix needs it");
    }

    [Fact]
    public void An_orca_pod_size_without_its_prefix_is_reported_on_the_size_line()
    {
        var config = Orca.Remove("prefix: \"fd00:40:0:0\"");

        config.Load().ShouldFailOnlyWith(MissingKey, config.At("size: 80", "size"))
            .Message.ShouldBe("pod_net.prefix is missing: pod_net.size needs it");
    }

    [Fact]
    public void A_node_size_without_a_pod_cidr_is_reported_on_the_node_size_line()
    {
        var config = TestConfig.Ipv6.Remove("cidr: \"fd00:40::/64\"");

        var error = config.Load().ShouldFailOnlyWith(MissingKey, config.At("node_size: 80", "node_size"));

        error.Message.ShouldBe("pod_net.cidr is missing: pod_net.node_size needs it");
        error.Hint.ShouldBe("add \"cidr:\" beside \"node_size:\", or write prefix: and size:");
    }

    [Fact]
    public void A_pod_section_with_neither_form_is_still_reported_on_its_own_line()
    {
        var config = TestConfig.Ipv6.Remove("cidr: \"fd00:40::/64\"").Remove("node_size: 80");

        config.Load().ShouldReport(MissingKey, config.At("pod_net:", "pod_net")).Message.ShouldBe("pod_net.cidr is missing");
    }

    [Fact]
    public void A_gateway_section_that_ipv6_mode_needs_is_reported_on_the_mode_line()
    {
        var config = new TestConfig(TestConfig.Ipv6.Text.Replace("nat64:\n  v4_cidr: \"198.51.100.128/25\"\n  v4_ip: \"198.51.100.2\"\n  ip: \"fd00:10::200\"\n", "", StringComparison.Ordinal));
        config.Text.ShouldNotContain("nat64:");

        config.Load().ShouldFailOnlyWith(MissingKey, config.At("mode: ipv6", "mode"))
            .Message.ShouldBe("nat64 is missing: ipv6 mode needs DNS64 and NAT64");
    }

    [Fact]
    public void Without_a_mode_line_a_missing_gateway_section_stays_at_the_top_of_the_file()
    {
        var config = new TestConfig(Orca.Text[..Orca.Text.IndexOf("dns64:", StringComparison.Ordinal)]);

        config.Load().ShouldFailOnlyWith(MissingKey, SourcePosition.Start).Message.ShouldBe("dns64 is missing: ipv6 mode needs DNS64 and NAT64");
    }
}
