using Sixgill.Config;
using Sixgill.Values;

namespace Sixgill.Tests.Config;

public sealed class ExampleTests
{
    [Fact]
    public void Orca_readme_example_loads_with_only_the_placeholder_token_warning()
    {
        var result = TestConfig.Example("orca.yaml").Load();

        result.ShouldPassWith(DiagnosticCodes.PlaceholderToken);
        result.Diagnostics[0].Position.ShouldBe(new SourcePosition(2, 8));
    }

    [Fact]
    public void Orca_example_binds_its_orca_form_networks()
    {
        var cluster = TestConfig.Example("orca.yaml").Load().Cluster!;

        cluster.Mode.ShouldBe(ClusterMode.Ipv6);
        cluster.Plugin.ShouldBe(CniPlugin.Bridge);
        cluster.Token.ShouldBe(Cluster.PlaceholderToken);
        cluster.PodNet.Cidr.ShouldBe(Prefix.Parse("fd00:40::/64"));
        cluster.PodNet.NodeSize.ShouldBe(80);
        cluster.MgmtNet.ShouldBe(Prefix.Parse("fd00:20::/64"));
        cluster.ServiceNet.ShouldBe(Prefix.Parse("fd00:30::/110"));
        cluster.SupportNet.ShouldBe(new SupportNetwork(Prefix.Parse("fd00:10::/64"), Prefix.Parse("172.18.0.0/16")));
        cluster.Nat64.ShouldBe(new Nat64Settings(Prefix.Parse("172.18.0.128/25"), Ip.Parse("172.18.0.200"), Ip.Parse("fd00:10::200"), null));
        cluster.Dns64!.Prefix.ShouldBe(Prefix.Parse("fd00:10:64:ff9b::/96"));
        cluster.Dns64.RemoteServer.ShouldBe(Ip.Parse("64.102.6.247"));
        cluster.Dns64.Address.ShouldBe(Ip.Parse("fd00:10::100"));
        cluster.Dns64.DnssecValidation.ShouldBe(DnssecValidation.Auto);
    }

    [Fact]
    public void Orca_example_binds_its_nodes_in_file_order_with_default_ssh()
    {
        var nodes = TestConfig.Example("orca.yaml").Load().Cluster!.Nodes;

        nodes.ShouldBe([
            new NodeSpec("my-master", "enp10s0", NodeRoles.Master | NodeRoles.Dns64 | NodeRoles.Nat64, 2, new SshTarget("root", "my-master", 22)),
            new NodeSpec("a-minion", "eth0", NodeRoles.Minion, 3, new SshTarget("root", "a-minion", 22)),
        ]);
    }

    [Fact]
    public void Lab_example_loads_with_the_insecure_and_lab_token_warnings()
    {
        var result = TestConfig.Example("lab.yaml").Load();

        result.ShouldPassWith(DiagnosticCodes.Insecure, DiagnosticCodes.LabToken);
        var cluster = result.Cluster!;
        cluster.Nodes.Length.ShouldBe(3);
        cluster.Dns64!.DnssecValidation.ShouldBe(DnssecValidation.No);
        cluster.PodNet.NodeSize.ShouldBe(80);
        cluster.EffectiveToken.ShouldBe(Cluster.LabToken);
    }

    [Fact]
    public void Dual_stack_example_loads_with_ipv6_first_and_default_ipv4_node_size()
    {
        var result = TestConfig.Example("dual-stack.yaml").Load();

        result.ShouldPass();
        var cluster = result.Cluster!;
        cluster.Mode.ShouldBe(ClusterMode.DualStack);
        cluster.MgmtNet2.ShouldBe(Prefix.Parse("10.192.0.0/16"));
        cluster.PodNet.ShouldBe(new PodNetwork(Prefix.Parse("fd00:40::/64"), 80, Prefix.Parse("10.244.0.0/16"), 24, null));
        cluster.ServiceNet2.ShouldBe(Prefix.Parse("10.96.0.0/16"));
        cluster.TokenCertHash.ShouldBe("5f2a3c1e9b8d7f6a5e4d3c2b1a09f8e7d6c5b4a392817f6e5d4c3b2a1908f7e6");
        cluster.SupportNet.ShouldBeNull();
        cluster.Dns64.ShouldBeNull();
    }

    [Fact]
    public void Ipv4_example_loads_with_the_insecure_and_lab_token_warnings()
    {
        var result = TestConfig.Example("ipv4.yaml").Load();

        result.ShouldPassWith(DiagnosticCodes.Insecure, DiagnosticCodes.LabToken);
        var cluster = result.Cluster!;
        cluster.Plugin.ShouldBe(CniPlugin.Ptp);
        cluster.PodNet.Cidr.ShouldBe(Prefix.Parse("10.244.0.0/16"));
        cluster.PodNet.NodeSize.ShouldBe(24);
        cluster.Nodes.Select(n => n.Id).ShouldBe([10, 11]);
    }

    [Fact]
    public void The_test_bases_load_without_any_diagnostic()
    {
        TestConfig.Ipv6.Load().ShouldPass();
        TestConfig.DualStack.Load().ShouldPass();
        TestConfig.Orca.Load().ShouldPass();
    }
}
