using Sixgill.Config;
using Sixgill.Tests.Addressing;

namespace Sixgill.Tests.Kube;

/// <summary>Secrets and states of the example clusters (<see cref="TestClusters"/>) that only the Kubernetes files care about.</summary>
internal static class KubeClusters
{
    public const string Hash = "5f2a3c1e9b8d7f6a5e4d3c2b1a09f8e7d6c5b4a392817f6e5d4c3b2a1908f7e6";

    public const string OtherToken = "k7q2zp.x0e4vbn8m1r5t9wy";

    /// <summary>examples/lab.yaml after <c>sixgill init</c>: a token and a CA hash, pinned joins.</summary>
    public static Cluster LabInitialised() => TestClusters.Lab() with { Insecure = false, Token = OtherToken, TokenCertHash = Hash };

    /// <summary><paramref name="cluster"/> plus a node that only runs DNS64 and NAT64.</summary>
    public static Cluster WithServiceOnlyNode(this Cluster cluster, string name, int id) =>
        cluster with { Nodes = cluster.Nodes.Add(TestClusters.Node(name, "eth1", NodeRoles.Dns64 | NodeRoles.Nat64, id)) };
}
