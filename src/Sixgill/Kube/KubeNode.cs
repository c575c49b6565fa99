using System.Collections.Immutable;
using Sixgill.Addressing;
using Sixgill.Config;

namespace Sixgill.Kube;

/// <summary>
/// What one node's Kubernetes files (kubeadm config, CNI config) need from the address plan
/// (SPEC §4): every list IPv6 first.
/// </summary>
/// <param name="ManagementAddresses">This node's management addresses, one per family.</param>
/// <param name="PodSubnets">This node's pod subnets, one per family; empty unless master or minion.</param>
/// <param name="ClusterDns">The cluster DNS service address (service network + 10), one per family.</param>
/// <param name="ApiServer">The master's primary management address, where the API server listens.</param>
/// <param name="PodNetworks">The whole pod network, one per family.</param>
/// <param name="ServiceNetworks">The service network, one per family.</param>
internal sealed record KubeNode(
    NodeSpec Node,
    ImmutableArray<Ip> ManagementAddresses,
    ImmutableArray<KubePodSubnet> PodSubnets,
    ImmutableArray<Ip> ClusterDns,
    Ip ApiServer,
    ImmutableArray<Prefix> PodNetworks,
    ImmutableArray<Prefix> ServiceNetworks)
{
    public const int ApiServerPort = 6443;

    public string Name => Node.Name;

    /// <summary><c>[fd00:20::2]:6443</c>, or <c>10.192.0.2:6443</c>: an IPv6 literal needs brackets.</summary>
    public string ApiEndpoint => ApiServer.IsV6 ? $"[{ApiServer}]:{ApiServerPort}" : $"{ApiServer}:{ApiServerPort}";

    /// <summary>
    /// The seam to the address plan. The plan (Addressing/AddressPlan) owns this arithmetic; until it is
    /// on this branch, the few values are read here through the same <see cref="Prefix"/> operations,
    /// and this method is the only place that will change when it is.
    /// </summary>
    public static KubeNode Of(Cluster cluster, string nodeName)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var node = cluster.FindNode(nodeName) ?? throw new ArgumentException($"'{nodeName}' is not in the topology", nameof(nodeName));

        var mgmtNets = V6First(cluster.MgmtNet, cluster.MgmtNet2);
        var serviceNets = V6First(cluster.ServiceNet, cluster.ServiceNet2);
        var pod = cluster.PodNet;
        var podNets = pod.Cidr2 is { } cidr2
            ? V6First((pod.Cidr, pod.NodeSize), (cidr2, pod.NodeSize2 ?? cidr2.Length + (cidr2.Family == IpFamily.V6 ? 16 : 8)))
            : [(pod.Cidr, pod.NodeSize)];

        var management = mgmtNets.Select(n => n.Address((UInt128)node.Id)).ToImmutableArray();
        var podSubnets = node.IsClusterNode
            ? podNets.Select(p => p.Cidr.Subnet((UInt128)node.Id, p.NodeSize)).Select(s => new KubePodSubnet(s, s.Address(1))).ToImmutableArray()
            : [];
        var clusterDns = serviceNets.Select(s => s.Address(10)).ToImmutableArray();
        var apiServer = mgmtNets[0].Address((UInt128)cluster.Master.Id);
        return new KubeNode(node, management, podSubnets, clusterDns, apiServer, [.. podNets.Select(p => p.Cidr)], serviceNets);
    }

    private static ImmutableArray<Prefix> V6First(Prefix first, Prefix? second) =>
        second is not { } other ? [first] : other.Family == IpFamily.V6 && first.Family != IpFamily.V6 ? [other, first] : [first, other];

    private static ImmutableArray<(Prefix Cidr, int NodeSize)> V6First((Prefix Cidr, int NodeSize) first, (Prefix Cidr, int NodeSize) second) =>
        second.Cidr.Family == IpFamily.V6 && first.Cidr.Family != IpFamily.V6 ? [second, first] : [first, second];
}

/// <summary>A node's slice of the pod network and the address its CNI bridge takes in it (subnet + 1).</summary>
internal sealed record KubePodSubnet(Prefix Subnet, Ip Gateway)
{
    public IpFamily Family => Subnet.Family;
}
