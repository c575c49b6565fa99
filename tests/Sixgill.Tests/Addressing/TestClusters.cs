using System.Collections.Immutable;
using Sixgill.Config;
using Sixgill.Values;

namespace Sixgill.Tests.Addressing;

/// <summary>
/// The example files of <c>examples/</c> as the typed model the loader produces, built by hand so
/// that the address plan is tested without the loader.
/// </summary>
internal static class TestClusters
{
    /// <summary>examples/orca.yaml: Orca's README example, verbatim.</summary>
    public static Cluster Orca(ServiceRuntime runtime = ServiceRuntime.Native) => new(
        Mode: ClusterMode.Ipv6,
        Plugin: CniPlugin.Bridge,
        Runtime: runtime,
        Token: Cluster.PlaceholderToken,
        TokenCertHash: null,
        KubernetesVersion: null,
        Insecure: false,
        ClusterDomain: "cluster.local",
        Nodes:
        [
            Node("my-master", "enp10s0", NodeRoles.Master | NodeRoles.Dns64 | NodeRoles.Nat64, 2),
            Node("a-minion", "eth0", NodeRoles.Minion, 3),
        ],
        MgmtNet: Net("fd00:20::/64"),
        MgmtNet2: null,
        PodNet: new PodNetwork(Net("fd00:40::/64"), 80, null, null, null),
        ServiceNet: Net("fd00:30::/110"),
        ServiceNet2: null,
        SupportNet: new SupportNetwork(Net("fd00:10::/64"), Net("172.18.0.0/16")),
        Nat64: new Nat64Settings(Net("172.18.0.128/25"), Ip.Parse("172.18.0.200"), Ip.Parse("fd00:10::200"), null),
        Dns64: new Dns64Settings(Ip.Parse("64.102.6.247"), Net("fd00:10:64:ff9b::/96"), Ip.Parse("fd00:10::100"), false,
            DnssecValidation.Auto, null));

    /// <summary>examples/lab.yaml: three namespace nodes, gw doing master + DNS64 + NAT64.</summary>
    public static Cluster Lab() => new(
        Mode: ClusterMode.Ipv6,
        Plugin: CniPlugin.Bridge,
        Runtime: ServiceRuntime.Native,
        Token: null,
        TokenCertHash: null,
        KubernetesVersion: null,
        Insecure: true,
        ClusterDomain: "cluster.local",
        Nodes:
        [
            Node("gw", "eth1", NodeRoles.Master | NodeRoles.Dns64 | NodeRoles.Nat64, 2),
            Node("w1", "eth1", NodeRoles.Minion, 3),
            Node("w2", "eth1", NodeRoles.Minion, 4),
        ],
        MgmtNet: Net("fd00:20::/64"),
        MgmtNet2: null,
        PodNet: new PodNetwork(Net("fd00:40::/64"), 80, null, null, null),
        ServiceNet: Net("fd00:30::/110"),
        ServiceNet2: null,
        SupportNet: new SupportNetwork(Net("fd00:10::/64"), Net("198.51.100.0/24")),
        Nat64: new Nat64Settings(Net("198.51.100.128/25"), Ip.Parse("198.51.100.2"), Ip.Parse("fd00:10::200"), null),
        Dns64: new Dns64Settings(Ip.Parse("203.0.113.53"), Net("fd00:10:64:ff9b::/96"), Ip.Parse("fd00:10::100"), false,
            DnssecValidation.No, null));

    /// <summary>examples/dual-stack.yaml: IPv6 first, IPv4 second, no DNS64/NAT64.</summary>
    public static Cluster DualStack() => new(
        Mode: ClusterMode.DualStack,
        Plugin: CniPlugin.Bridge,
        Runtime: ServiceRuntime.Native,
        Token: "abcdef.0123456789abcdef",
        TokenCertHash: "5f2a3c1e9b8d7f6a5e4d3c2b1a09f8e7d6c5b4a392817f6e5d4c3b2a1908f7e6",
        KubernetesVersion: null,
        Insecure: false,
        ClusterDomain: "cluster.local",
        Nodes:
        [
            Node("cp1", "eno2", NodeRoles.Master, 2),
            Node("wk1", "eno2", NodeRoles.Minion, 3),
        ],
        MgmtNet: Net("fd00:20::/64"),
        MgmtNet2: Net("10.192.0.0/16"),
        PodNet: new PodNetwork(Net("fd00:40::/64"), 80, Net("10.244.0.0/16"), 24, null),
        ServiceNet: Net("fd00:30::/110"),
        ServiceNet2: Net("10.96.0.0/16"),
        SupportNet: null,
        Nat64: null,
        Dns64: null);

    /// <summary>examples/ipv4.yaml: Sixgill as a plain IPv4 provisioner.</summary>
    public static Cluster Ipv4() => new(
        Mode: ClusterMode.Ipv4,
        Plugin: CniPlugin.Ptp,
        Runtime: ServiceRuntime.Native,
        Token: null,
        TokenCertHash: null,
        KubernetesVersion: null,
        Insecure: true,
        ClusterDomain: "cluster.local",
        Nodes:
        [
            Node("cp1", "eth1", NodeRoles.Master, 10),
            Node("wk1", "eth1", NodeRoles.Minion, 11),
        ],
        MgmtNet: Net("10.192.0.0/16"),
        MgmtNet2: null,
        PodNet: new PodNetwork(Net("10.244.0.0/16"), 24, null, null, null),
        ServiceNet: Net("10.96.0.0/16"),
        ServiceNet2: null,
        SupportNet: null,
        Nat64: null,
        Dns64: null);

    /// <summary>Orca's networks with <paramref name="nodeCount"/> nodes: the master/gateway (id 2) and minions.</summary>
    public static Cluster Large(int nodeCount) => Orca().WithNodes(
        Enumerable.Range(2, nodeCount).Select(id => id == 2
            ? Node("my-master", "enp10s0", NodeRoles.Master | NodeRoles.Dns64 | NodeRoles.Nat64, id)
            : Node($"minion-{id}", "eth0", NodeRoles.Minion, id)));

    public static NodeSpec Node(string name, string @interface, NodeRoles roles, int id) =>
        new(name, @interface, roles, id, new SshTarget("root", name, 22));

    public static Prefix Net(string cidr) => Prefix.Parse(cidr);

    public static Cluster WithNodes(this Cluster cluster, IEnumerable<NodeSpec> nodes) =>
        cluster with { Nodes = nodes.ToImmutableArray() };
}
