using System.Collections.Immutable;
using Sixgill.Addressing;
using Sixgill.Config;
using Sixgill.Values;

namespace Sixgill.Tests.Addressing;

/// <summary>
/// Random valid topologies (seeded, so a failure is reproducible) in all three modes, checked for
/// what must hold in every plan whatever the sizes, ids and roles.
/// </summary>
public sealed class AddressPlanPropertyTests
{
    // Modes by name: theory parameters must be public types, and the model's enums are internal.
    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        foreach (var mode in new[] { "ipv6", "dual-stack", "ipv4" })
        {
            foreach (var seed in new[] { 1, 2, 3, 5, 8, 13, 21, 34 })
            {
                data.Add(seed, mode);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Management_addresses_are_unique_and_inside_their_networks(int seed, string modeName)
    {
        var mode = Mode(modeName);
        var (cluster, plan) = RandomPlan(seed, mode);

        plan.ManagementNetworks.ShouldNotBeEmpty();
        foreach (var network in plan.ManagementNetworks)
        {
            var addresses = plan.Nodes.Select(n => n.ManagementAddressOf(network.Family).ShouldNotBeNull()).ToList();
            addresses.ShouldAllBe(a => a.Network == network && network.Contains(a.Address) && a.Address != network.Network);
            addresses.Select(a => a.Address).Distinct().Count().ShouldBe(cluster.Nodes.Length);
        }

        plan.Nodes.ShouldAllBe(n => n.ManagementAddresses[0].Family == plan.ManagementNetworks[0].Family);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pod_subnets_are_inside_the_pod_network_and_never_overlap(int seed, string modeName)
    {
        var mode = Mode(modeName);
        var (cluster, plan) = RandomPlan(seed, mode);
        var clusterNodes = plan.Nodes.Where(n => n.Node.IsClusterNode).ToList();

        plan.PodNetworks.ShouldNotBeEmpty();
        foreach (var (cidr, nodeSize) in plan.PodNetworks)
        {
            var subnets = clusterNodes.Select(n => n.PodSubnets.Single(p => p.Family == cidr.Family)).ToList();
            subnets.ShouldAllBe(p => cidr.Contains(p.Subnet) && p.Subnet.Length == nodeSize);
            subnets.ShouldAllBe(p => p.Gateway == p.Subnet.Network.Add(1) && p.Subnet.Contains(p.Gateway));

            // Sorted, each subnet must end before the next begins: no overlaps in O(n log n).
            var sorted = subnets.Select(p => p.Subnet).Order().ToList();
            for (var i = 1; i < sorted.Count; i++)
            {
                sorted[i - 1].Overlaps(sorted[i]).ShouldBeFalse($"{sorted[i - 1]} and {sorted[i]}");
                sorted[i - 1].Last.Value.ShouldBeLessThan(sorted[i].Network.Value);
            }
        }

        plan.Nodes.Where(n => !n.Node.IsClusterNode).ShouldAllBe(n => n.PodSubnets.IsEmpty);
        cluster.Nodes.Length.ShouldBe(plan.Nodes.Length);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_route_leads_via_another_node_or_into_the_NAT64_service(int seed, string modeName)
    {
        var mode = Mode(modeName);
        var (_, plan) = RandomPlan(seed, mode);
        var managementAddresses = plan.Nodes
            .SelectMany(n => n.ManagementAddresses.Select(a => (a.Address, n.Name)))
            .ToDictionary(x => x.Address, x => x.Name);
        var podSubnetOwners = plan.Nodes
            .SelectMany(n => n.PodSubnets.Select(p => (p.Subnet, n.Name)))
            .ToDictionary(x => x.Subnet, x => x.Name);

        // Pod routes are n² in all; check every node of small plans and a sample of big ones.
        var checkedNodes = plan.Nodes.Length <= 60 ? plan.Nodes : [.. plan.Nodes.Take(30), .. plan.Nodes.TakeLast(30)];
        checkedNodes.ShouldNotBeEmpty();
        foreach (var node in checkedNodes)
        {
            var routes = plan.Routes(node).ToList();
            routes.Count.ShouldBe(node.PrepareRoutes.Length + node.PodRouteCount);
            foreach (var route in routes)
            {
                if (route.Via is { } via)
                {
                    via.Family.ShouldBe(route.Family, route.ToString());
                    var viaService = node.Services is { } s && (via == s.Nat64Address || via == s.Nat64V4Address);
                    if (!viaService)
                    {
                        managementAddresses.TryGetValue(via, out var owner).ShouldBeTrue(route.ToString());
                        owner.ShouldNotBe(node.Name, route.ToString());
                    }
                }
                else
                {
                    // Only the native NAT64 service is reached by device alone.
                    node.Services.ShouldNotBeNull().Runtime.ShouldBe(ServiceRuntime.Native);
                    route.Device.ShouldBe(GatewayServices.Nat64Tunnel);
                }

                if (route.Purpose == RoutePurpose.PodSubnet)
                {
                    route.AddedBy.ShouldBe(RouteStage.Up);
                    route.Device.ShouldBe(node.Node.Interface);
                    var owner = podSubnetOwners[route.Destination];
                    owner.ShouldBe(route.Peer);
                    managementAddresses[route.Via!.Value].ShouldBe(owner);
                }
                else
                {
                    route.AddedBy.ShouldBe(RouteStage.Prepare);
                }
            }

            // Each other cluster node's pod subnets, exactly once.
            var expected = node.Node.IsClusterNode
                ? plan.Nodes.Where(n => n.Node.IsClusterNode && n != node).SelectMany(n => n.PodSubnets.Select(p => p.Subnet)).ToHashSet()
                : [];
            routes.Where(r => r.Purpose == RoutePurpose.PodSubnet).Select(r => r.Destination).ShouldBe(expected, ignoreOrder: true);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Prepare_routes_and_services_follow_the_mode(int seed, string modeName)
    {
        var mode = Mode(modeName);
        var (cluster, plan) = RandomPlan(seed, mode);

        if (mode != ClusterMode.Ipv6)
        {
            plan.Gateway.ShouldBeNull();
            plan.Nodes.ShouldAllBe(n => n.PrepareRoutes.IsEmpty && n.Nameserver == null && n.Services == null);
            return;
        }

        var gateway = plan.Gateway.ShouldNotBeNull();
        var gatewayNode = plan[gateway.NodeName];
        gatewayNode.Node.IsGateway.ShouldBeTrue();
        var g = gatewayNode.ManagementAddress.Address;
        var others = plan.Nodes.Where(n => n != gatewayNode).ToList();
        others.ShouldNotBeEmpty();
        foreach (var node in others)
        {
            node.PrepareRoutes.Select(r => r.ToString()).ShouldBe(
            [
                $"{gateway.Dns64Prefix} via {g} dev {node.Node.Interface}",
                $"{gateway.SupportNetwork} via {g} dev {node.Node.Interface}",
            ]);
            node.Nameserver.ShouldBe(node.Node.IsClusterNode ? cluster.Dns64!.Address : null);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Hosts_lines_name_every_node_once_per_family(int seed, string modeName)
    {
        var mode = Mode(modeName);
        var (cluster, plan) = RandomPlan(seed, mode);

        plan.HostsEntries.Length.ShouldBe(cluster.Nodes.Length * plan.ManagementNetworks.Length);
        plan.HostsEntries.Select(e => (e.Name, e.Address.Family)).Distinct().Count().ShouldBe(plan.HostsEntries.Length);
        plan.HostsEntries.ShouldAllBe(e => plan[e.Name].ManagementAddresses.Any(a => a.Address == e.Address));
    }

    [Fact]
    public void Plans_a_5000_node_cluster_with_distinct_addresses()
    {
        // Speed is measured by bench/, never asserted here.
        var plan = AddressPlan.For(TestClusters.Large(5000));

        plan.Nodes.Length.ShouldBe(5000);
        plan.Nodes.Select(n => n.ManagementAddress.Address).Distinct().Count().ShouldBe(5000);
    }

    private static ClusterMode Mode(string name) => name switch
    {
        "ipv6" => ClusterMode.Ipv6,
        "dual-stack" => ClusterMode.DualStack,
        _ => ClusterMode.Ipv4,
    };

    private static (Cluster Cluster, AddressPlan Plan) RandomPlan(int seed, ClusterMode mode)
    {
        var cluster = Topology(new Random(seed * 31 + (int)mode), mode, nodeCount: null);
        return (cluster, AddressPlan.For(cluster));
    }

    /// <summary>
    /// A valid random cluster: networks of random sizes (disjoint by construction), ids drawn
    /// without repetition from the range that fits every network, random roles.
    /// </summary>
    internal static Cluster Topology(Random random, ClusterMode mode, int? nodeCount)
    {
        var v6Mgmt = Random6(random, "fd00:20::", random.Next(32, 113));
        var v6PodLength = random.Next(32, 97);
        var v6Pod = (Cidr: Random6(random, "fd00:40::", v6PodLength), NodeSize: Math.Min(128, v6PodLength + random.Next(4, 17)));
        var v4MgmtLength = random.Next(8, 23);
        var v4Mgmt = TestClusters.Net($"10.0.0.0/{v4MgmtLength}");
        var v4PodLength = random.Next(8, 17);
        var v4Pod = (Cidr: Prefix.Containing(Ip.Parse("172.16.0.0"), v4PodLength), NodeSize: Math.Min(30, v4PodLength + random.Next(8, 17)));

        var usesV6 = mode != ClusterMode.Ipv4;
        var usesV4 = mode != ClusterMode.Ipv6;
        var maxId = long.MaxValue;
        if (usesV6)
        {
            maxId = Math.Min(maxId, LargestId(v6Mgmt.HostBits, v6Pod.NodeSize - v6Pod.Cidr.Length));
        }

        if (usesV4)
        {
            // An IPv4 id may not take the network's broadcast address.
            maxId = Math.Min(maxId, Math.Min(LargestId(v4Mgmt.HostBits, 0) - 1, LargestId(0, v4Pod.NodeSize - v4Pod.Cidr.Length)));
        }

        var count = nodeCount ?? (int)Math.Min(maxId, random.Next(4) == 0 ? random.Next(500, 1001) : random.Next(1, 40));
        var ids = new HashSet<long>();
        while (ids.Count < count)
        {
            ids.Add(random.NextInt64(1, maxId + 1));
        }

        var idList = ids.ToList();
        var master = random.Next(count);
        // ipv6: the gateway is the master, a minion, or (when drawn) a node of its own.
        var gateway = mode == ClusterMode.Ipv6 ? random.Next(count) : -1;
        var gatewayOnly = gateway >= 0 && gateway != master && random.Next(3) == 0;
        var nodes = new NodeSpec[count];
        for (var i = 0; i < count; i++)
        {
            var roles = i == master ? NodeRoles.Master : gatewayOnly && i == gateway ? NodeRoles.None : NodeRoles.Minion;
            if (i == gateway)
            {
                roles |= NodeRoles.Dns64 | NodeRoles.Nat64;
            }

            nodes[i] = TestClusters.Node($"node-{i}", $"eth{random.Next(3)}", roles, (int)idList[i]);
        }

        var runtime = random.Next(2) == 0 ? ServiceRuntime.Native : ServiceRuntime.Docker;
        var (mgmt, mgmt2) = mode switch
        {
            ClusterMode.Ipv6 => (v6Mgmt, (Prefix?)null),
            ClusterMode.Ipv4 => (v4Mgmt, null),
            _ => (v6Mgmt, v4Mgmt),
        };
        var pod = mode switch
        {
            ClusterMode.Ipv6 => new PodNetwork(v6Pod.Cidr, v6Pod.NodeSize, null, null, null),
            ClusterMode.Ipv4 => new PodNetwork(v4Pod.Cidr, v4Pod.NodeSize, null, null, null),
            _ => new PodNetwork(v6Pod.Cidr, v6Pod.NodeSize, v4Pod.Cidr, v4Pod.NodeSize, null),
        };
        var ipv6 = mode == ClusterMode.Ipv6;
        return new Cluster(mode, CniPlugin.Bridge, runtime, null, null, null, true, "cluster.local",
            nodes.ToImmutableArray(),
            mgmt, mgmt2, pod,
            mode == ClusterMode.Ipv4 ? TestClusters.Net("100.64.0.0/16") : TestClusters.Net("fd00:30::/110"),
            mode == ClusterMode.DualStack ? TestClusters.Net("100.64.0.0/16") : null,
            ipv6 ? new SupportNetwork(TestClusters.Net("fd00:10::/64"), TestClusters.Net("192.168.0.0/16")) : null,
            ipv6 ? new Nat64Settings(TestClusters.Net("192.168.128.0/17"), Ip.Parse("192.168.0.200"), Ip.Parse("fd00:10::200"), null) : null,
            ipv6 ? new Dns64Settings(Ip.Parse("203.0.113.53"), TestClusters.Net("fd00:10:64:ff9b::/96"), Ip.Parse("fd00:10::100"),
                false, DnssecValidation.Auto, null) : null);
    }

    private static Prefix Random6(Random random, string baseAddress, int length)
    {
        // Random bits between /32 and the length, so networks are not all at the bottom of their /32.
        var network = Ip.Parse(baseAddress).Value;
        if (length > 32)
        {
            var bits = Math.Min(length - 32, 62);
            network |= (UInt128)(ulong)random.NextInt64(0, 1L << bits) << (128 - 32 - bits);
        }

        return new Prefix(new Ip(network & ~Prefix.HostMask(IpFamily.V6, length), IpFamily.V6), length);
    }

    // Ids are ints in the model; a network with more room still caps them there.
    private static long LargestId(int mgmtHostBits, int podBits)
    {
        var bits = Math.Min(mgmtHostBits == 0 ? 62 : mgmtHostBits, podBits == 0 ? 62 : podBits);
        return Math.Min(int.MaxValue, (1L << Math.Min(bits, 62)) - 1);
    }
}
