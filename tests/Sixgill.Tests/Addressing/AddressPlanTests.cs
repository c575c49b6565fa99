using Sixgill.Addressing;
using Sixgill.Config;
using Sixgill.Values;

namespace Sixgill.Tests.Addressing;

public sealed class AddressPlanTests
{
    [Fact]
    public void Orca_nodes_get_the_seed_addresses()
    {
        var plan = AddressPlan.For(TestClusters.Orca());

        var master = plan["my-master"];
        master.ManagementAddresses.Select(a => a.ToString()).ShouldBe(["fd00:20::2/64"]);
        master.PodSubnets.Select(p => p.Subnet).ShouldBe([Prefix.Parse("fd00:40:0:0:2::/80")]);
        master.PodSubnets[0].Gateway.ShouldBe(Ip.Parse("fd00:40:0:0:2::1"));
        master.Nameserver.ShouldBe(Ip.Parse("fd00:10::100"));

        var minion = plan["a-minion"];
        minion.ManagementAddress.ToString().ShouldBe("fd00:20::3/64");
        minion.PodSubnets[0].Subnet.ToString().ShouldBe("fd00:40:0:0:3::/80");
        // RFC 5952 prints fd00:40:0:0:3::1 as fd00:40::3:0:0:1 (the first of two equal zero runs is cut).
        minion.PodSubnets[0].Gateway.ShouldBe(Ip.Parse("fd00:40:0:0:3::1"));
        minion.PodSubnets[0].Gateway.ToString().ShouldBe("fd00:40::3:0:0:1");
        minion.Nameserver.ShouldBe(Ip.Parse("fd00:10::100"));

        plan.ClusterDns.ShouldBe([Ip.Parse("fd00:30::a")]);
        plan.ApiEndpoint.ToString().ShouldBe("[fd00:20::2]:6443");
    }

    [Fact]
    public void Orca_gateway_runs_the_services_with_their_addresses()
    {
        var plan = AddressPlan.For(TestClusters.Orca());

        var services = plan.Gateway.ShouldNotBeNull();
        services.NodeName.ShouldBe("my-master");
        services.Dns64Address.ShouldBe(Ip.Parse("fd00:10::100"));
        services.Nat64Address.ShouldBe(Ip.Parse("fd00:10::200"));
        services.Nat64V4Address.ShouldBe(Ip.Parse("172.18.0.200"));
        services.Nat64Pool.ShouldBe(Prefix.Parse("172.18.0.128/25"));
        services.Dns64Prefix.ShouldBe(Prefix.Parse("fd00:10:64:ff9b::/96"));
        services.SupportGateway.ShouldBe(Ip.Parse("fd00:10::1"));
        services.SupportV4Gateway.ShouldBe(Ip.Parse("172.18.0.1"));
        services.RemoteServerSynthesized.ShouldBe(Ip.Parse("fd00:10:64:ff9b::4066:6f7"));
        plan["my-master"].Services.ShouldBeSameAs(services);
        plan["a-minion"].Services.ShouldBeNull();
    }

    [Fact]
    public void Orca_gateway_routes_into_the_NAT64_tunnel_with_the_native_runtime()
    {
        var plan = AddressPlan.For(TestClusters.Orca());

        plan["my-master"].PrepareRoutes.Select(r => r.ToString()).ShouldBe(
        [
            "fd00:10:64:ff9b::/96 dev nat64",
            "172.18.0.128/25 dev nat64",
            "fd00:10::200/128 dev nat64",
            "172.18.0.200/32 dev nat64",
        ]);
        plan["my-master"].PrepareRoutes.ShouldAllBe(r => r.AddedBy == RouteStage.Prepare);
    }

    [Fact]
    public void Orca_gateway_routes_via_the_containers_with_the_docker_runtime()
    {
        var plan = AddressPlan.For(TestClusters.Orca(ServiceRuntime.Docker));

        plan["my-master"].PrepareRoutes.Select(r => (r.ToString(), r.Purpose)).ShouldBe(
        [
            ("fd00:10:64:ff9b::/96 via fd00:10::200", RoutePurpose.Dns64Prefix),
            ("172.18.0.128/25 via 172.18.0.200", RoutePurpose.Nat64Pool),
        ]);
    }

    [Fact]
    public void Orca_minion_reaches_DNS64_and_NAT64_through_the_gateway()
    {
        var plan = AddressPlan.For(TestClusters.Orca());

        plan["a-minion"].PrepareRoutes.Select(r => (r.ToString(), r.Purpose, r.AddedBy)).ShouldBe(
        [
            ("fd00:10:64:ff9b::/96 via fd00:20::2 dev eth0", RoutePurpose.Dns64Prefix, RouteStage.Prepare),
            ("fd00:10::/64 via fd00:20::2 dev eth0", RoutePurpose.SupportNetwork, RouteStage.Prepare),
        ]);
    }

    [Fact]
    public void Orca_pod_routes_are_added_by_up_via_the_other_node()
    {
        var plan = AddressPlan.For(TestClusters.Orca());

        plan.PodRoutes(plan["my-master"]).ShouldHaveSingleItem()
            .ShouldBe(new Route(Prefix.Parse("fd00:40:0:0:3::/80"), Ip.Parse("fd00:20::3"), "enp10s0",
                RoutePurpose.PodSubnet, RouteStage.Up, "a-minion"));
        plan.PodRoutes(plan["a-minion"]).Select(r => r.ToString())
            .ShouldBe(["fd00:40:0:0:2::/80 via fd00:20::2 dev eth0"]);
        plan["a-minion"].PodRouteCount.ShouldBe(1);
        plan.Routes(plan["a-minion"]).Count().ShouldBe(3);
    }

    [Fact]
    public void Orca_hosts_lines_name_every_node()
    {
        var plan = AddressPlan.For(TestClusters.Orca());

        plan.HostsEntries.Select(e => e.ToString()).ShouldBe(["fd00:20::2 my-master", "fd00:20::3 a-minion"]);
    }

    [Fact]
    public void Lab_minions_route_through_gw_and_to_each_other()
    {
        var plan = AddressPlan.For(TestClusters.Lab());

        plan["gw"].ManagementAddress.ToString().ShouldBe("fd00:20::2/64");
        plan["w1"].ManagementAddress.ToString().ShouldBe("fd00:20::3/64");
        plan["w2"].PodSubnets[0].ToString().ShouldBe("fd00:40:0:0:4::/80");
        plan.ClusterDns.ShouldBe([Ip.Parse("fd00:30::a")]);
        plan.ApiEndpoint.ToString().ShouldBe("[fd00:20::2]:6443");

        plan["w1"].PrepareRoutes.Select(r => r.ToString()).ShouldBe(
        [
            "fd00:10:64:ff9b::/96 via fd00:20::2 dev eth1",
            "fd00:10::/64 via fd00:20::2 dev eth1",
        ]);
        plan.PodRoutes(plan["w1"]).Select(r => r.ToString()).ShouldBe(
        [
            "fd00:40:0:0:2::/80 via fd00:20::2 dev eth1",
            "fd00:40:0:0:4::/80 via fd00:20::4 dev eth1",
        ]);
        plan["gw"].PrepareRoutes.Select(r => r.ToString()).ShouldContain("198.51.100.128/25 dev nat64");
        plan.Gateway.ShouldNotBeNull().RemoteServerSynthesized.ShouldBe(Ip.Parse("fd00:10:64:ff9b::cb00:7135"));
    }

    [Fact]
    public void Dual_stack_nodes_get_both_families_IPv6_first()
    {
        var plan = AddressPlan.For(TestClusters.DualStack());

        var cp1 = plan["cp1"];
        cp1.ManagementAddresses.Select(a => a.ToString()).ShouldBe(["fd00:20::2/64", "10.192.0.2/16"]);
        cp1.PodSubnets.Select(p => p.Subnet.ToString()).ShouldBe(["fd00:40:0:0:2::/80", "10.244.2.0/24"]);
        cp1.PodSubnets.Select(p => p.Gateway).ShouldBe([Ip.Parse("fd00:40:0:0:2::1"), Ip.Parse("10.244.2.1")]);
        cp1.Nameserver.ShouldBeNull();
        cp1.PrepareRoutes.ShouldBeEmpty();
        cp1.Services.ShouldBeNull();
        plan.Gateway.ShouldBeNull();
        plan.ClusterDns.Select(d => d.ToString()).ShouldBe(["fd00:30::a", "10.96.0.10"]);
        plan.ApiEndpoint.ToString().ShouldBe("[fd00:20::2]:6443");
        plan.HostsEntries.Select(e => e.ToString()).ShouldBe(
            ["fd00:20::2 cp1", "10.192.0.2 cp1", "fd00:20::3 wk1", "10.192.0.3 wk1"]);
        plan.PodRoutes(cp1).Select(r => r.ToString()).ShouldBe(
            ["fd00:40:0:0:3::/80 via fd00:20::3 dev eno2", "10.244.3.0/24 via 10.192.0.3 dev eno2"]);
        cp1.PodRouteCount.ShouldBe(2);
    }

    [Fact]
    public void Dual_stack_puts_IPv6_first_whatever_order_the_model_holds()
    {
        var cluster = TestClusters.DualStack() with
        {
            MgmtNet = TestClusters.Net("10.192.0.0/16"),
            MgmtNet2 = TestClusters.Net("fd00:20::/64"),
            ServiceNet = TestClusters.Net("10.96.0.0/16"),
            ServiceNet2 = TestClusters.Net("fd00:30::/110"),
            PodNet = new PodNetwork(TestClusters.Net("10.244.0.0/16"), 24, TestClusters.Net("fd00:40::/64"), 80, null),
        };
        var plan = AddressPlan.For(cluster);

        plan["wk1"].ManagementAddresses.Select(a => a.ToString()).ShouldBe(["fd00:20::3/64", "10.192.0.3/16"]);
        plan["wk1"].PodSubnets.Select(p => p.ToString()).ShouldBe(["fd00:40:0:0:3::/80", "10.244.3.0/24"]);
        plan.ClusterDns.Select(d => d.ToString()).ShouldBe(["fd00:30::a", "10.96.0.10"]);
        plan.ApiEndpoint.ToString().ShouldBe("[fd00:20::2]:6443");
    }

    [Fact]
    public void Ipv4_nodes_get_IPv4_forms()
    {
        var plan = AddressPlan.For(TestClusters.Ipv4());

        plan["cp1"].ManagementAddress.ToString().ShouldBe("10.192.0.10/16");
        plan["cp1"].PodSubnets.ShouldHaveSingleItem().Subnet.ToString().ShouldBe("10.244.10.0/24");
        plan["wk1"].PodSubnets[0].Gateway.ToString().ShouldBe("10.244.11.1");
        plan.ClusterDns.Select(d => d.ToString()).ShouldBe(["10.96.0.10"]);
        plan.ApiEndpoint.ToString().ShouldBe("10.192.0.10:6443");
        plan["wk1"].Nameserver.ShouldBeNull();
        plan["wk1"].PrepareRoutes.ShouldBeEmpty();
        plan.PodRoutes(plan["wk1"]).Select(r => r.ToString()).ShouldBe(["10.244.10.0/24 via 10.192.0.10 dev eth1"]);
    }

    [Fact]
    public void A_gateway_only_node_gets_addresses_and_routes_but_no_pod_subnet()
    {
        var cluster = TestClusters.Orca().WithNodes(
        [
            TestClusters.Node("gate", "eth0", NodeRoles.Dns64 | NodeRoles.Nat64, 5),
            TestClusters.Node("cp", "eth0", NodeRoles.Master, 2),
            TestClusters.Node("w", "eth0", NodeRoles.Minion, 3),
        ]);
        var plan = AddressPlan.For(cluster);

        var gate = plan["gate"];
        gate.ManagementAddress.ToString().ShouldBe("fd00:20::5/64");
        gate.PodSubnets.ShouldBeEmpty();
        gate.PodRouteCount.ShouldBe(0);
        plan.PodRoutes(gate).ShouldBeEmpty();
        gate.Nameserver.ShouldBeNull();
        gate.Services.ShouldNotBeNull();
        gate.PrepareRoutes.Select(r => r.Purpose).ShouldContain(RoutePurpose.Nat64Pool);

        plan["cp"].PrepareRoutes.Select(r => r.ToString()).ShouldContain("fd00:10::/64 via fd00:20::5 dev eth0");
        plan.PodRoutes(plan["cp"]).Select(r => r.Peer).ShouldBe(["w"]);
        plan.HostsEntries.Select(e => e.Name).ShouldBe(["gate", "cp", "w"]);
        plan.ApiEndpoint.ToString().ShouldBe("[fd00:20::2]:6443");
    }

    [Fact]
    public void Orca_form_and_CIDR_form_give_the_same_pod_subnet()
    {
        // Orca form prefix "fd00:40:0:0" + size 80 names the top 64 bits: network fd00:40::/64, node size 80.
        var orca = Prefix.Parse("fd00:40::/64").Subnet(2, 80);
        orca.ShouldBe(Prefix.Parse("fd00:40:0:0:2::/80"));
        AddressPlan.For(TestClusters.Orca())["my-master"].PodSubnets[0].Subnet.ShouldBe(orca);
    }

    [Fact]
    public void Unknown_host_is_reported_by_name()
    {
        var plan = AddressPlan.For(TestClusters.Orca());

        plan.Find("nope").ShouldBeNull();
        Should.Throw<KeyNotFoundException>(() => plan["nope"]).Message.ShouldContain("nope");
    }
}
