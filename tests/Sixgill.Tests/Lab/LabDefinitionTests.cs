using Sixgill.Lab;
using Sixgill.Tests.Addressing;

namespace Sixgill.Tests.Lab;

public sealed class LabDefinitionTests
{
    [Fact]
    public void The_built_in_config_is_examples_lab_yaml()
    {
        EmbeddedLabConfig.Text.ShouldBe(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "lab.yaml")));
    }

    [Fact]
    public void The_lab_has_the_configs_nodes_and_interfaces_and_the_nat64_node_carries_the_uplink()
    {
        var definition = new LabDefinition("demo", TestClusters.Lab(), "", "lab.yaml");

        definition.Spec.Nodes.ShouldBe([new LabNodeSpec("gw", "eth1", true), new LabNodeSpec("w1", "eth1"), new LabNodeSpec("w2", "eth1")]);
        definition.Spec.WithInternet.ShouldBeTrue();
        definition.DnsAddress.ShouldBe(LabInternet.DnsServer);
        definition.VerifyingNodes.ShouldBe(["w1", "w2"]);
        definition.Problems().ShouldBeEmpty();
    }

    [Fact]
    public void A_lab_that_stays_up_has_the_access_network_and_a_demo_that_removes_it_or_a_systemd_lab_does_not()
    {
        var definition = new LabDefinition("demo", TestClusters.Lab(), "", "lab.yaml");

        definition.Spec.WithAccess.ShouldBeTrue();
        LabLayout.Plan(definition.Spec).Access.ShouldNotBeNull();
        (definition with { WithAccess = false }).Spec.WithAccess.ShouldBeFalse();
        LabLayout.Plan((definition with { WithAccess = false }).Spec).Access.ShouldBeNull();
        new LabDefinition("demo", TestClusters.Lab(), "", "lab.yaml", LabNodeKind.Systemd).Spec.WithAccess.ShouldBeFalse();
    }

    [Fact]
    public void Only_a_namespace_lab_with_the_native_runtime_is_driven_over_SSH_and_the_others_say_what_works()
    {
        new LabDefinition("demo", TestClusters.Lab(), "", "lab.yaml").OverSshProblem.ShouldBeNull();
        new LabDefinition("demo", TestClusters.Lab(), "", "lab.yaml", LabNodeKind.Systemd).OverSshProblem!.ShouldContain("leave out --kind systemd or --ssh");
        var docker = TestClusters.Lab() with { Runtime = Sixgill.Config.ServiceRuntime.Docker };
        new LabDefinition("demo", docker, "", "lab.yaml").OverSshProblem!.ShouldContain("use --runtime native");
    }

    [Fact]
    public void A_real_remote_server_is_refused_so_the_lab_never_forwards_off_the_machine()
    {
        var problems = new LabDefinition("demo", TestClusters.Orca(), "", "orca.yaml").Problems();

        problems.ShouldHaveSingleItem().ShouldContain("dns64.remote_server 64.102.6.247 is not an address of the lab internet; use 203.0.113.53");
    }

    [Fact]
    public void Node_names_that_cannot_name_a_namespace_are_problems()
    {
        var cluster = TestClusters.Lab().WithNodes([TestClusters.Node("gw.lab", "eth1", Sixgill.Config.NodeRoles.Master | Sixgill.Config.NodeRoles.Dns64 | Sixgill.Config.NodeRoles.Nat64, 2)]);

        new LabDefinition("demo", cluster, "", "x.yaml").Problems().ShouldHaveSingleItem().ShouldContain("node name 'gw.lab' is not usable");
    }

    [Fact]
    public void Without_a_gateway_the_internet_is_on_the_switch_as_the_nodes_IPv4_router()
    {
        var definition = new LabDefinition("demo", TestClusters.DualStack(), "", "dual-stack.yaml");

        definition.Spec.WithInternet.ShouldBeTrue();
        definition.Spec.Router.ShouldBe("10.192.255.254/16");
        LabLayout.Plan(definition.Spec).Uplink!.ToSwitch.ShouldBeTrue();
        definition.VerifyingNodes.ShouldNotBeEmpty();
    }

    [Fact]
    public void With_a_gateway_the_internet_is_behind_it_and_no_router_is_on_the_switch()
    {
        var definition = new LabDefinition("demo", TestClusters.Lab(), "", "lab.yaml");

        definition.Spec.Router.ShouldBeNull();
        LabLayout.Plan(definition.Spec).Uplink!.ToSwitch.ShouldBeFalse();
    }

    [Fact]
    public void The_nodes_read_the_config_from_the_labs_own_directory_under_tmp()
    {
        var names = new LabNames("demo");

        names.SharedDirectory.ShouldBe("/tmp/sixgill-lab-demo");
        names.NodeConfig.ShouldBe("/tmp/sixgill-lab-demo/config.yaml");
        names.StateFile.ShouldBe("/run/sixgill-lab/demo/lab.json");
    }
}
