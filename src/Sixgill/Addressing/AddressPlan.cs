using System.Collections.Immutable;
using Sixgill.Config;
using Sixgill.Values;

namespace Sixgill.Addressing;

/// <summary>
/// Every address, subnet and route of the cluster (docs/address-plan.md), computed from a validated
/// <see cref="Cluster"/> by arithmetic alone. Every node computes the same plan, so any node can
/// tell where any other one is.
/// </summary>
/// <remarks>
/// Computing the plan is O(n). Pod routes are the one n² part (each cluster node routes to every
/// other one's pod subnet), so they are never stored: <see cref="PodRoutes"/> yields one node's on
/// demand, from the per-node values already computed.
/// </remarks>
internal sealed class AddressPlan
{
    private readonly Dictionary<string, NodeAddresses> byName;

    // Master and minion nodes only, in topology order: the peers of pod routes.
    private readonly ImmutableArray<NodeAddresses> clusterNodes;

    private AddressPlan(
        Cluster cluster,
        ImmutableArray<NodeAddresses> nodes,
        ImmutableArray<NodeAddresses> clusterNodes,
        (ImmutableArray<Prefix> Management, ImmutableArray<(Prefix Cidr, int NodeSize)> Pod, ImmutableArray<Prefix> Service) networks,
        ImmutableArray<HostsEntry> hostsEntries,
        ImmutableArray<Ip> clusterDns,
        ApiEndpoint apiEndpoint,
        GatewayServices? gateway)
    {
        Cluster = cluster;
        Nodes = nodes;
        this.clusterNodes = clusterNodes;
        ManagementNetworks = networks.Management;
        PodNetworks = networks.Pod;
        ServiceNetworks = networks.Service;
        HostsEntries = hostsEntries;
        ClusterDns = clusterDns;
        ApiEndpoint = apiEndpoint;
        Gateway = gateway;
        byName = new Dictionary<string, NodeAddresses>(nodes.Length, StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            byName.Add(node.Name, node);
        }
    }

    public Cluster Cluster { get; }

    /// <summary>Every node of the topology, in the order of the file.</summary>
    public ImmutableArray<NodeAddresses> Nodes { get; }

    /// <summary>The management network(s), IPv6 first.</summary>
    public ImmutableArray<Prefix> ManagementNetworks { get; }

    /// <summary>The pod network(s) with each node's subnet length, IPv6 first.</summary>
    public ImmutableArray<(Prefix Cidr, int NodeSize)> PodNetworks { get; }

    /// <summary>The service network(s), IPv6 first.</summary>
    public ImmutableArray<Prefix> ServiceNetworks { get; }

    /// <summary>
    /// The <c>/etc/hosts</c> lines prepare ensures on every node (the same on all): every node of the
    /// topology in file order, IPv6 line first, then in dual-stack an IPv4 line for the same name.
    /// </summary>
    public ImmutableArray<HostsEntry> HostsEntries { get; }

    /// <summary>The cluster DNS service address (service network + 10), one per family, IPv6 first.</summary>
    public ImmutableArray<Ip> ClusterDns { get; }

    /// <summary>The master's primary management address, port 6443.</summary>
    public ApiEndpoint ApiEndpoint { get; }

    /// <summary>The DNS64/NAT64 services and their addresses; ipv6 mode only.</summary>
    public GatewayServices? Gateway { get; }

    /// <summary>The offset of the cluster DNS service inside the service network (kubeadm's convention).</summary>
    public const int ClusterDnsOffset = 10;

    public NodeAddresses? Find(string name) => byName.GetValueOrDefault(name);

    public NodeAddresses this[string name] =>
        byName.TryGetValue(name, out var node) ? node : throw new KeyNotFoundException($"'{name}' is not in the topology");

    /// <summary>The routes <c>up</c> adds on <paramref name="node"/> (and <c>down</c> removes): one per other
    /// cluster node and family, to that node's pod subnet via its management address of the same family.</summary>
    public IEnumerable<Route> PodRoutes(NodeAddresses node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.PodSubnets.IsEmpty)
        {
            yield break;
        }

        var device = node.Node.Interface;
        foreach (var peer in clusterNodes)
        {
            // By name, not reference: names are unique, and a caller may hold an equal copy of the node.
            if (peer.Name == node.Name)
            {
                continue;
            }

            foreach (var subnet in peer.PodSubnets)
            {
                if (peer.ManagementAddressOf(subnet.Family) is { } via)
                {
                    yield return new Route(subnet.Subnet, via.Address, device, RoutePurpose.PodSubnet, RouteStage.Up, peer.Name);
                }
            }
        }
    }

    /// <summary>All of <paramref name="node"/>'s routes: prepare's, then up's.</summary>
    public IEnumerable<Route> Routes(NodeAddresses node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.PrepareRoutes.Concat(PodRoutes(node));
    }

    public static AddressPlan For(Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);

        var mgmtNets = V6First(cluster.MgmtNet, cluster.MgmtNet2);
        var podNets = PodNetworksOf(cluster.PodNet);
        var serviceNets = V6First(cluster.ServiceNet, cluster.ServiceNet2);

        // Pod routes need a pod subnet and a management address of the same family.
        var podRouteFamilies = podNets.Count(p => mgmtNets.Any(m => m.Family == p.Cidr.Family));
        var clusterNodeCount = cluster.Nodes.Count(n => n.IsClusterNode);

        var ipv6 = cluster.Mode == ClusterMode.Ipv6;
        var gatewayNode = ipv6 ? cluster.GatewayNode : null;
        var gateway = gatewayNode is not null && cluster.Dns64 is { } dns64 && cluster.Nat64 is { } nat64 && cluster.SupportNet is { } support
            ? GatewayServicesFor(gatewayNode, cluster.Runtime, dns64, nat64, support)
            : null;
        var gatewayAddress = gatewayNode is null ? (Ip?)null : ManagementAddresses(gatewayNode, mgmtNets)[0].Address;

        var nodes = ImmutableArray.CreateBuilder<NodeAddresses>(cluster.Nodes.Length);
        var clusterNodes = ImmutableArray.CreateBuilder<NodeAddresses>(clusterNodeCount);
        var hosts = ImmutableArray.CreateBuilder<HostsEntry>(cluster.Nodes.Length * mgmtNets.Length);
        NodeAddresses? master = null;

        foreach (var spec in cluster.Nodes)
        {
            var management = ManagementAddresses(spec, mgmtNets);
            var podSubnets = spec.IsClusterNode ? PodSubnets(spec, podNets) : [];
            var isGateway = gateway is not null && ReferenceEquals(spec, gatewayNode);
            var prepareRoutes = !ipv6 || gateway is null || gatewayAddress is not { } g ? []
                : isGateway ? GatewayRoutes(gateway)
                : ViaGatewayRoutes(spec, g, gateway);
            var nameserver = ipv6 && spec.IsClusterNode ? cluster.Dns64?.Address : null;
            var podRouteCount = spec.IsClusterNode ? (clusterNodeCount - 1) * podRouteFamilies : 0;

            var node = new NodeAddresses(spec, management, podSubnets, prepareRoutes, nameserver,
                isGateway ? gateway : null, podRouteCount);
            nodes.Add(node);
            if (spec.IsClusterNode)
            {
                clusterNodes.Add(node);
            }

            master ??= spec.IsMaster ? node : null;
            foreach (var address in management)
            {
                hosts.Add(new HostsEntry(address.Address, spec.Name));
            }
        }

        var endpoint = new ApiEndpoint(
            (master ?? throw new ArgumentException("the cluster has no master", nameof(cluster))).ManagementAddress.Address,
            ApiEndpoint.DefaultPort);
        var clusterDns = serviceNets.Select(s => s.Address(ClusterDnsOffset)).ToImmutableArray();

        return new AddressPlan(cluster, nodes.MoveToImmutable(), clusterNodes.MoveToImmutable(),
            (mgmtNets, podNets, serviceNets), hosts.MoveToImmutable(), clusterDns, endpoint, gateway);
    }

    private static ImmutableArray<ManagementAddress> ManagementAddresses(NodeSpec spec, ImmutableArray<Prefix> mgmtNets)
    {
        var addresses = new ManagementAddress[mgmtNets.Length];
        for (var i = 0; i < mgmtNets.Length; i++)
        {
            addresses[i] = new ManagementAddress(mgmtNets[i].Address((UInt128)spec.Id), mgmtNets[i]);
        }

        return ImmutableArray.Create(addresses);
    }

    private static ImmutableArray<PodSubnet> PodSubnets(NodeSpec spec, ImmutableArray<(Prefix Cidr, int NodeSize)> podNets)
    {
        var subnets = new PodSubnet[podNets.Length];
        for (var i = 0; i < podNets.Length; i++)
        {
            // §4.2: node n's subnet is cidr + (n << (width − node size)), for Orca form and CIDR form alike.
            var subnet = podNets[i].Cidr.Subnet((UInt128)spec.Id, podNets[i].NodeSize);
            subnets[i] = new PodSubnet(subnet, subnet.Address(1));
        }

        return ImmutableArray.Create(subnets);
    }

    /// <summary>§4.4, gateway node: synthesized destinations and the pool's return traffic go into NAT64.</summary>
    private static ImmutableArray<Route> GatewayRoutes(GatewayServices gateway)
    {
        if (gateway.Runtime == ServiceRuntime.Docker)
        {
            // The containers sit on the docker network, on-link through a bridge whose name docker picks.
            return
            [
                new Route(gateway.Dns64Prefix, gateway.Nat64Address, null, RoutePurpose.Dns64Prefix, RouteStage.Prepare),
                new Route(gateway.Nat64Pool, gateway.Nat64V4Address, null, RoutePurpose.Nat64Pool, RouteStage.Prepare),
            ];
        }

        // TAYGA's own addresses are not assigned to any interface (§6.1), and nat64.ip lies inside the
        // support network that is on-link on sixgill0: host routes send both into the tunnel instead.
        const string tunnel = GatewayServices.Nat64Tunnel;
        return
        [
            new Route(gateway.Dns64Prefix, null, tunnel, RoutePurpose.Dns64Prefix, RouteStage.Prepare),
            new Route(gateway.Nat64Pool, null, tunnel, RoutePurpose.Nat64Pool, RouteStage.Prepare),
            new Route(Prefix.Containing(gateway.Nat64Address, 128), null, tunnel, RoutePurpose.Nat64Address, RouteStage.Prepare),
            new Route(Prefix.Containing(gateway.Nat64V4Address, 32), null, tunnel, RoutePurpose.Nat64V4Address, RouteStage.Prepare),
        ];
    }

    /// <summary>§4.4, every other node: synthesized destinations and the services, via the gateway node.</summary>
    private static ImmutableArray<Route> ViaGatewayRoutes(NodeSpec spec, Ip gatewayAddress, GatewayServices gateway) =>
    [
        new Route(gateway.Dns64Prefix, gatewayAddress, spec.Interface, RoutePurpose.Dns64Prefix, RouteStage.Prepare),
        new Route(gateway.SupportNetwork, gatewayAddress, spec.Interface, RoutePurpose.SupportNetwork, RouteStage.Prepare),
    ];

    private static GatewayServices GatewayServicesFor(NodeSpec node, ServiceRuntime runtime, Dns64Settings dns64, Nat64Settings nat64,
        SupportNetwork support)
    {
        var synthesized = dns64.RemoteServer.Family == IpFamily.V4 && Rfc6052.IsAllowedLength(dns64.Prefix.Length)
            ? Rfc6052.Embed(dns64.Prefix, dns64.RemoteServer)
            : (Ip?)null;
        return new GatewayServices(node.Name, runtime, dns64.Address, dns64.Prefix, dns64.RemoteServer, synthesized,
            nat64.Address, nat64.V4Address, nat64.Pool, support.Cidr, support.V4Cidr, support.Cidr.Address(1), support.V4Cidr.Address(1));
    }

    private static ImmutableArray<Prefix> V6First(Prefix first, Prefix? second) =>
        second is not { } other ? [first]
        : other.Family == IpFamily.V6 && first.Family != IpFamily.V6 ? [other, first]
        : [first, other];

    private static ImmutableArray<(Prefix Cidr, int NodeSize)> PodNetworksOf(PodNetwork pod)
    {
        if (pod.Cidr2 is not { } cidr2)
        {
            return [(pod.Cidr, pod.NodeSize)];
        }

        // The default when a loader left it open: IPv6 cidr + 16, IPv4 cidr + 8.
        var second = (cidr2, pod.NodeSize2 ?? cidr2.Length + (cidr2.Family == IpFamily.V6 ? 16 : 8));
        return cidr2.Family == IpFamily.V6 && pod.Cidr.Family != IpFamily.V6 ? [second, (pod.Cidr, pod.NodeSize)] : [(pod.Cidr, pod.NodeSize), second];
    }
}
