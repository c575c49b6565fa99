using Sixgill.Addressing;
using Sixgill.Config;

namespace Sixgill.Tests.Kube;

/// <summary>
/// The example clusters as the loader types them (examples/lab.yaml, dual-stack.yaml, ipv4.yaml),
/// written out so these tests depend on the Kubernetes code only.
/// </summary>
internal static class KubeClusters
{
    public const string Hash = "5f2a3c1e9b8d7f6a5e4d3c2b1a09f8e7d6c5b4a392817f6e5d4c3b2a1908f7e6";

    public const string Token = "abcdef.0123456789abcdef";

    public const string OtherToken = "k7q2zp.x0e4vbn8m1r5t9wy";

    /// <summary>examples/lab.yaml: ipv6, insecure, no token; gw (master dns64 nat64) 2, w1 3, w2 4.</summary>
    public static Cluster Lab() => new(
        ClusterMode.Ipv6, CniPlugin.Bridge, ServiceRuntime.Native,
        Token: null, TokenCertHash: null, KubernetesVersion: null, Insecure: true, ClusterDomain: "cluster.local",
        Nodes:
        [
            Node("gw", NodeRoles.Master | NodeRoles.Dns64 | NodeRoles.Nat64, 2),
            Node("w1", NodeRoles.Minion, 3),
            Node("w2", NodeRoles.Minion, 4),
        ],
        MgmtNet: Prefix.Parse("fd00:20::/64"), MgmtNet2: null,
        PodNet: new PodNetwork(Prefix.Parse("fd00:40::/64"), 80, null, null, null),
        ServiceNet: Prefix.Parse("fd00:30::/110"), ServiceNet2: null,
        SupportNet: new SupportNetwork(Prefix.Parse("fd00:10::/64"), Prefix.Parse("198.51.100.0/24")),
        Nat64: new Nat64Settings(Prefix.Parse("198.51.100.128/25"), Ip.Parse("198.51.100.2"), Ip.Parse("fd00:10::200"), null),
        Dns64: new Dns64Settings(Ip.Parse("203.0.113.53"), Prefix.Parse("fd00:10:64:ff9b::/96"), Ip.Parse("fd00:10::100"), false, DnssecValidation.No, null));

    /// <summary>The lab after <c>sixgill init</c>: a token and a CA hash, pinned joins.</summary>
    public static Cluster LabInitialised() => Lab() with { Insecure = false, Token = OtherToken, TokenCertHash = Hash };

    /// <summary>examples/dual-stack.yaml: cp1 master 2, wk1 minion 3; IPv6 first.</summary>
    public static Cluster DualStack() => new(
        ClusterMode.DualStack, CniPlugin.Bridge, ServiceRuntime.Native,
        Token: Token, TokenCertHash: Hash, KubernetesVersion: null, Insecure: false, ClusterDomain: "cluster.local",
        Nodes: [Node("cp1", NodeRoles.Master, 2), Node("wk1", NodeRoles.Minion, 3)],
        MgmtNet: Prefix.Parse("fd00:20::/64"), MgmtNet2: Prefix.Parse("10.192.0.0/16"),
        PodNet: new PodNetwork(Prefix.Parse("fd00:40::/64"), 80, Prefix.Parse("10.244.0.0/16"), 24, null),
        ServiceNet: Prefix.Parse("fd00:30::/110"), ServiceNet2: Prefix.Parse("10.96.0.0/16"),
        SupportNet: null, Nat64: null, Dns64: null);

    /// <summary>examples/ipv4.yaml: ptp, insecure; cp1 master 10, wk1 minion 11.</summary>
    public static Cluster Ipv4() => new(
        ClusterMode.Ipv4, CniPlugin.Ptp, ServiceRuntime.Native,
        Token: null, TokenCertHash: null, KubernetesVersion: null, Insecure: true, ClusterDomain: "cluster.local",
        Nodes: [Node("cp1", NodeRoles.Master, 10), Node("wk1", NodeRoles.Minion, 11)],
        MgmtNet: Prefix.Parse("10.192.0.0/16"), MgmtNet2: null,
        PodNet: new PodNetwork(Prefix.Parse("10.244.0.0/16"), 24, null, null, null),
        ServiceNet: Prefix.Parse("10.96.0.0/16"), ServiceNet2: null,
        SupportNet: null, Nat64: null, Dns64: null);

    public static NodeSpec Node(string name, NodeRoles roles, int id) => new(name, "eth1", roles, id, new SshTarget("root", name, 22));
}
