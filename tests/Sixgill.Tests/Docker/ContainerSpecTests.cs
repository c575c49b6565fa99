using Sixgill.Addressing;
using Sixgill.Docker;
using Sixgill.Tests.Addressing;
using Sixgill.Values;

namespace Sixgill.Tests.Docker;

public sealed class ContainerSpecTests
{
    [Fact]
    public void The_support_network_has_both_subnets_with_gateways_at_network_plus_one()
    {
        var lab = SupportNetworkSpec.For(DockerSpecs.LabGateway());
        lab.Name.ShouldBe("support_net");
        lab.Ipv6Subnet.ShouldBe(Prefix.Parse("fd00:10::/64"));
        lab.Ipv6Gateway.ShouldBe(Ip.Parse("fd00:10::1"));
        lab.Ipv4Subnet.ShouldBe(Prefix.Parse("198.51.100.0/24"));
        lab.Ipv4Gateway.ShouldBe(Ip.Parse("198.51.100.1"));
        lab.Labels[DockerNames.RoleLabel].ShouldBe(DockerNames.SupportNetworkRole);

        var orca = SupportNetworkSpec.For(DockerSpecs.OrcaGateway());
        orca.Ipv4Subnet.ShouldBe(Prefix.Parse("172.18.0.0/16"));
        orca.Ipv4Gateway.ShouldBe(Ip.Parse("172.18.0.1"));
    }

    [Fact]
    public void The_DNS64_container_sits_at_dns64_ip_with_its_config_mounted_read_only()
    {
        var spec = DockerSpecs.Dns64();

        spec.Name.ShouldBe("bind9");
        spec.Image.ShouldBe(DockerSpecs.Dns64Image);
        spec.Network.ShouldBe("support_net");
        spec.Ipv6Address.ShouldBe(Ip.Parse("fd00:10::100"));
        spec.Binds.ShouldBe([new ContainerBind("/etc/sixgill/dns64", "/etc/bind/sixgill", ReadOnly: true)]);
        spec.Binds[0].ToString().ShouldBe("/etc/sixgill/dns64:/etc/bind/sixgill:ro");
        spec.CapAdd.ShouldBe(["NET_ADMIN"]);
        spec.Devices.ShouldBeEmpty();
        spec.Sysctls.ShouldBeEmpty();
    }

    [Fact]
    public void The_DNS64_container_drops_its_IPv4_and_routes_the_prefix_via_the_NAT64_container()
    {
        DockerSpecs.Dns64().EnvironmentList.ShouldBe(
        [
            "DNS64_PREFIX=fd00:10:64:ff9b::/96",
            "NAT64_ADDRESS=fd00:10::200",
            "SIXGILL_DROP_IPV4=yes",
        ]);
    }

    [Fact]
    public void The_DNS64_containers_IPv4_address_avoids_the_gateway_the_NAT64_address_and_the_pool()
    {
        // lab.yaml: .1 is the gateway and .2 is nat64.v4_ip, so the first free one is .3.
        Dns64ContainerSpec.Ipv4Address(DockerSpecs.LabGateway()).ShouldBe(Ip.Parse("198.51.100.3"));
        // Orca: v4_ip .200 and the pool .128/25 are high up: .2 is free.
        Dns64ContainerSpec.Ipv4Address(DockerSpecs.OrcaGateway()).ShouldBe(Ip.Parse("172.18.0.2"));

        // A pool at the bottom of the network pushes it past the pool.
        var low = DockerSpecs.LabGateway() with { Nat64Pool = Prefix.Parse("198.51.100.0/25"), Nat64V4Address = Ip.Parse("198.51.100.128") };
        Dns64ContainerSpec.Ipv4Address(low).ShouldBe(Ip.Parse("198.51.100.129"));
    }

    [Fact]
    public void A_support_network_with_no_free_IPv4_address_is_refused_with_the_reason()
    {
        var full = DockerSpecs.LabGateway() with
        {
            SupportV4Network = Prefix.Parse("198.51.100.0/29"),
            SupportV4Gateway = Ip.Parse("198.51.100.1"),
            Nat64V4Address = Ip.Parse("198.51.100.2"),
            Nat64Pool = Prefix.Parse("198.51.100.4/30"),
        };
        // .3 is the only address left.
        Dns64ContainerSpec.Ipv4Address(full).ShouldBe(Ip.Parse("198.51.100.3"));

        // In a /30, .3 is the broadcast address: nothing is left.
        var none = full with { SupportV4Network = Prefix.Parse("198.51.100.0/30") };
        Should.Throw<InvalidOperationException>(() => Dns64ContainerSpec.Ipv4Address(none)).Message.ShouldContain("no address left");
    }

    [Fact]
    public void The_NAT64_container_gets_tun_NET_ADMIN_and_forwarding_but_nothing_more()
    {
        var spec = DockerSpecs.Nat64();

        spec.Name.ShouldBe("tayga");
        spec.Ipv4Address.ShouldBe(Ip.Parse("198.51.100.2"));
        spec.Ipv6Address.ShouldBe(Ip.Parse("fd00:10::200"));
        spec.CapAdd.ShouldBe(["NET_ADMIN"]);
        spec.Devices.ShouldBe([new ContainerDevice("/dev/net/tun", "/dev/net/tun", "rwm")]);
        spec.Sysctls.ShouldContainKeyAndValue("net.ipv6.conf.all.forwarding", "1");
        spec.Sysctls.ShouldContainKeyAndValue("net.ipv4.ip_forward", "1");
        spec.Sysctls.ShouldContainKeyAndValue("net.ipv6.conf.default.disable_ipv6", "0");
        spec.Binds.ShouldBeEmpty();
        spec.EnvironmentList.ShouldBe(
        [
            "TAYGA_DYNAMIC_POOL=198.51.100.128/25",
            "TAYGA_IPV4_ADDR=198.51.100.2",
            "TAYGA_IPV6_ADDR=fd00:10::200",
            "TAYGA_PREFIX=fd00:10:64:ff9b::/96",
        ]);
    }

    [Fact]
    public void Every_sysctl_of_every_container_is_a_net_key()
    {
        foreach (var spec in new[] { DockerSpecs.Dns64(), DockerSpecs.Nat64() })
        {
            spec.Sysctls.Keys.ShouldAllBe(key => key.StartsWith("net.", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_containers_follow_the_configs_addresses_not_fixed_ones()
    {
        var orca = DockerSpecs.OrcaGateway();

        var nat64 = Nat64ContainerSpec.For(orca, DockerSpecs.Nat64Image);
        nat64.Ipv4Address.ShouldBe(Ip.Parse("172.18.0.200"));
        nat64.Environment["TAYGA_DYNAMIC_POOL"].ShouldBe("172.18.0.128/25");

        var dns64 = Dns64ContainerSpec.For(orca, DockerSpecs.Dns64Image, "/srv/dns64");
        dns64.Binds[0].HostPath.ShouldBe("/srv/dns64");
        dns64.Ipv6Address.ShouldBe(Ip.Parse("fd00:10::100"));
    }

    [Fact]
    public void Both_containers_are_labelled_as_Sixgills_with_their_role()
    {
        DockerSpecs.Dns64().Labels.ShouldBe(new Dictionary<string, string> { ["sixgill.role"] = "dns64" });
        DockerSpecs.Nat64().Labels.ShouldBe(new Dictionary<string, string> { ["sixgill.role"] = "nat64" });
    }

    [Fact]
    public void No_gateway_services_no_docker_runtime()
    {
        AddressPlan.For(TestClusters.DualStack()).Gateway.ShouldBeNull();
    }
}
