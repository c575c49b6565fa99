using Sixgill.Lab;

namespace Sixgill.Tests.Lab;

public sealed class LabLayoutTests
{
    private static LabSpec ThreeNodes(bool withInternet = true) =>
        new("demo", [new("gw", "eth1", IsGateway: true), new("w1", "eth1"), new("w2", "eth1")], withInternet);

    [Fact]
    public void Each_node_gets_its_namespace_port_and_private_directories()
    {
        var layout = LabLayout.Plan(ThreeNodes());

        var w1 = layout.Nodes[1];
        w1.Namespace.ShouldBe("sg-demo-w1");
        w1.Interface.ShouldBe("eth1");
        w1.SwitchPort.ShouldBe("p-w1");
        w1.EtcUpper.ShouldBe("/run/sixgill-lab/demo/nodes/w1/etc/upper");
        w1.VarLibUpper.ShouldBe("/run/sixgill-lab/demo/nodes/w1/var-lib/upper");
        layout.Switch.ShouldBe("sg-demo-sw");
    }

    [Fact]
    public void The_gateway_gets_an_uplink_to_the_internet()
    {
        var layout = LabLayout.Plan(ThreeNodes());

        layout.Uplink.ShouldBe(new LabUplink("sg-demo-gw", "eth0", "sg-demo-inet", "up0"));
        layout.Internet.ShouldBe("sg-demo-inet");
    }

    [Fact]
    public void Without_an_internet_there_is_no_uplink()
    {
        var layout = LabLayout.Plan(ThreeNodes(withInternet: false));

        layout.Uplink.ShouldBeNull();
        layout.Internet.ShouldBeNull();
    }

    [Fact]
    public void The_uplink_avoids_the_nodes_own_interface_name()
    {
        LabLayout.UplinkName("eth1").ShouldBe("eth0");
        LabLayout.UplinkName("eth0").ShouldBe("wan0");
    }

    [Fact]
    public void Switch_ports_stay_within_the_interface_name_limit_and_distinct()
    {
        var spec = new LabSpec("demo", [new("a-very-long-node-name", "eth1"), new("another-long-node-name", "eth1"), new("gw", "eth1")]);

        var ports = LabLayout.Plan(spec).Nodes.Select(n => n.SwitchPort).ToList();

        ports.ShouldBe(["p0", "p1", "p-gw"]);
        ports.ShouldAllBe(p => p.Length <= 15);
    }

    [Theory]
    [InlineData("sw")]
    [InlineData("inet")]
    [InlineData("Gw")]
    [InlineData("g/w")]
    public void Node_names_that_clash_or_escape_are_refused(string node)
    {
        Should.Throw<ArgumentException>(() => LabLayout.Plan(new LabSpec("demo", [new(node, "eth1")])));
    }

    [Theory]
    [InlineData("lo")]
    [InlineData("")]
    [InlineData("a-name-of-16-chr")]
    [InlineData("eth 1")]
    [InlineData("eth/1")]
    public void Unusable_interface_names_are_refused(string name)
    {
        Should.Throw<ArgumentException>(() => LabLayout.Plan(new LabSpec("demo", [new("gw", name)]))).Message.ShouldContain("interface");
    }

    [Fact]
    public void A_lab_needs_nodes_with_distinct_names()
    {
        Should.Throw<ArgumentException>(() => LabLayout.Plan(new LabSpec("demo", [])));
        Should.Throw<ArgumentException>(() => LabLayout.Plan(new LabSpec("demo", [new("gw", "eth1"), new("gw", "eth2")]))).Message.ShouldContain("more than once");
    }

    [Fact]
    public void An_internet_hangs_on_one_gateway_or_on_the_switch()
    {
        Should.Throw<ArgumentException>(() => LabLayout.Plan(new LabSpec("demo", [new("a", "eth1", true), new("b", "eth1", true)], WithInternet: true))).Message.ShouldContain("at most one gateway");
        var onSwitch = LabLayout.Plan(new LabSpec("demo", [new("w1", "eth1")], WithInternet: true, Router: "10.192.255.254/16"));

        onSwitch.Uplink.ShouldBe(new LabUplink("sg-demo-sw", "p-internet", "sg-demo-inet", "up0", ToSwitch: true));
        var script = LabSetupScript.For(onSwitch, "10.192.255.254/16").Select(c => string.Join(' ', c.Command)).ToList();
        script.ShouldContain("ip -n sg-demo-sw link set p-internet master br0 up");
        script.ShouldContain("ip -n sg-demo-inet address add 10.192.255.254/16 dev up0");
        script.ShouldContain("ip -n sg-demo-w1 route add default via 10.192.255.254 dev eth1 onlink");
        script.ShouldContain(s => s.Contains("nameserver 203.0.113.53' > /etc/resolv.conf", StringComparison.Ordinal));
    }
}
