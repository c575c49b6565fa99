using Sixgill.Config;
using static Sixgill.Config.DiagnosticCodes;

namespace Sixgill.Tests.Config;

public sealed class RoleTests
{
    private static readonly TestConfig Base = TestConfig.Ipv6;
    private const string GatewayRoles = "opmodes: \"master dns64 nat64\"";
    private const string MinionRoles = "opmodes: \"minion\"";

    [Fact]
    public void A_second_master_is_reported_at_its_opmodes_naming_the_first()
    {
        var error = Base.Replace(MinionRoles, "opmodes: \"master\"").Load().ShouldFailOnlyWith(MasterCount, new SourcePosition(12, 14));

        error.Message.ShouldBe("node w1 is a second master node (the first is gw)");
    }

    [Fact]
    public void No_master_is_reported_at_topology()
    {
        var config = Base.Replace(GatewayRoles, "opmodes: \"minion dns64 nat64\"");

        config.Load().ShouldFailOnlyWith(MasterCount, new SourcePosition(5, 1));
    }

    [Fact]
    public void Master_and_minion_on_one_node_is_reported()
    {
        var config = Base.Replace(GatewayRoles, "opmodes: \"master minion dns64 nat64\"");

        config.Load().ShouldFailOnlyWith(MasterAndMinion, new SourcePosition(8, 14)).Message.ShouldBe("node gw is both master and minion");
    }

    [Fact]
    public void Unknown_opmode_is_reported_with_the_nearest_and_nothing_follows_from_it()
    {
        var error = Base.Replace(MinionRoles, "opmodes: \"minon\"").Load().ShouldFailOnlyWith(UnknownOpmode, new SourcePosition(12, 14));

        error.Hint.ShouldBe("did you mean \"minion\"?");
    }

    [Fact]
    public void A_typo_in_the_masters_opmodes_is_not_also_a_missing_master() =>
        Base.Replace(GatewayRoles, "opmodes: \"mastr dns64 nat64\"").Load().ShouldFailOnlyWith(UnknownOpmode, new SourcePosition(8, 14));

    [Fact]
    public void Opmodes_separated_by_commas_get_a_hint() =>
        Base.Replace(GatewayRoles, "opmodes: \"master,dns64,nat64\"").Load()
            .ShouldFailOnlyWith(UnknownOpmode, new SourcePosition(8, 14)).Hint.ShouldBe("separate the words with spaces");

    [Fact]
    public void Dns64_without_nat64_is_reported_at_topology()
    {
        var error = Base.Replace(GatewayRoles, "opmodes: \"master dns64\"").Load().ShouldFailOnlyWith(GatewayCount, new SourcePosition(5, 1));

        error.Message.ShouldStartWith("no node has nat64 in its opmodes");
    }

    [Fact]
    public void Two_dns64_nodes_are_reported_at_the_second()
    {
        var config = Base.Replace(MinionRoles, "opmodes: \"minion dns64\"");

        config.Load().ShouldFailOnlyWith(GatewayCount, new SourcePosition(12, 14)).Message.ShouldBe("node w1 is a second dns64 node (the first is gw)");
    }

    [Fact]
    public void Dns64_and_nat64_on_different_nodes_is_reported_at_the_later()
    {
        var config = Base.Replace(GatewayRoles, "opmodes: \"master dns64\"").Replace(MinionRoles, "opmodes: \"minion nat64\"");

        config.Load().ShouldFailOnlyWith(GatewaySplit, new SourcePosition(12, 14))
            .Message.ShouldBe("dns64 is on node gw but nat64 is on node w1; both run on one gateway node, which the others route through");
    }

    [Fact]
    public void A_gateway_node_that_is_not_a_kubernetes_node_is_fine()
    {
        var config = Base.Replace(GatewayRoles, "opmodes: \"master\"")
            .InsertAfter("topology:", "  gw2:\n    interface: eth1\n    opmodes: \"dns64 nat64\"\n    id: 4");

        config.Load().ShouldPass();
        var gateway = config.Load().Cluster!.GatewayNode.ShouldNotBeNull();
        gateway.Name.ShouldBe("gw2");
        gateway.IsClusterNode.ShouldBeFalse();
    }

    [Fact]
    public void Dns64_and_nat64_outside_ipv6_mode_are_reported()
    {
        var config = TestConfig.DualStack.Replace("opmodes: \"master\"", "opmodes: \"master dns64 nat64\"");

        var error = config.Load().ShouldFailOnlyWith(GatewayOutsideIpv6, config.At("opmodes: \"master dns64 nat64\"", "\""));
        error.Message.ShouldBe("node cp1 has dns64 and nat64, but DNS64 and NAT64 exist only in ipv6 mode; this cluster's mode is dual-stack");
    }

    [Theory]
    [InlineData("opmodes: \"\"")]
    [InlineData("opmodes: \"  \"")]
    public void Empty_opmodes_are_reported(string with) =>
        Base.Replace(MinionRoles, with).Load().ShouldFailOnlyWith(NoOpmodes, new SourcePosition(12, 14));
}
