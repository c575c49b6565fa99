using System.Collections.Immutable;
using System.Globalization;
using Sixgill.Addressing;
using Sixgill.Config;

namespace Sixgill.Kube;

/// <summary>
/// The kubeadm configuration file <c>prepare</c> writes for a node (docs/steps.md),
/// <c>kubeadm.k8s.io/v1beta4</c>: on the master <c>InitConfiguration</c>, <c>ClusterConfiguration</c>,
/// <c>KubeletConfiguration</c> and <c>KubeProxyConfiguration</c>; on a minion <c>JoinConfiguration</c>.
/// It replaces Orca's kubelet drop-in (<c>--cluster-dns</c> is deprecated).
/// </summary>
/// <remarks>
/// v1beta4 writes extra arguments as lists of <c>{name, value}</c> (v1beta3 had maps), and moved every
/// timeout into a <c>timeouts</c> block of Init/JoinConfiguration (<c>discovery.timeout</c> and
/// <c>apiServer.timeoutForControlPlane</c> are gone). Sixgill sets no timeout: kubeadm's defaults
/// hold, and <c>up</c> bounds the whole kubeadm run itself.
/// </remarks>
internal static class KubeadmConfig
{
    /// <summary>Mode 0600: the file holds the bootstrap token.</summary>
    public const string FilePath = "/etc/sixgill/kubeadm.yaml";

    public const string KubeadmApiVersion = "kubeadm.k8s.io/v1beta4";

    public const string KubeletApiVersion = "kubelet.config.k8s.io/v1beta1";

    public const string KubeProxyApiVersion = "kubeproxy.config.k8s.io/v1alpha1";

    /// <summary>What stops this node's file from being written; empty when it can be. No message quotes a secret.</summary>
    public static ImmutableArray<string> Problems(AddressPlan plan, NodeAddresses node)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(node);
        var cluster = plan.Cluster;
        var problems = ImmutableArray.CreateBuilder<string>();
        if (!node.Node.IsClusterNode)
        {
            problems.Add($"{node.Name} is neither master nor minion: it has no kubeadm configuration");
            return problems.ToImmutable();
        }

        if (cluster.EffectiveToken is not { } token)
        {
            problems.Add("there is no bootstrap token: run `sixgill init` on the master (it writes one into the config), "
                + "or set general.insecure: true to use the lab token");
        }
        else if (!BootstrapToken.IsWellFormed(token))
        {
            problems.Add("the bootstrap token is not in kubeadm's format [a-z0-9]{6}.[a-z0-9]{16}");
        }

        if (node.Node.IsMinion && !cluster.Insecure)
        {
            if (cluster.TokenCertHash is not { } hash)
            {
                problems.Add("there is no CA cert hash for minions to pin: run `sixgill init` on the master "
                    + "(it writes general.token_cert_hash), or set general.insecure: true");
            }
            else if (!IsCertHash(hash))
            {
                problems.Add("general.token_cert_hash is not 64 hex digits");
            }
        }

        return problems.ToImmutable();
    }

    /// <summary>The file's text for <paramref name="node"/>. Throws <see cref="InvalidOperationException"/> when <see cref="Problems"/> has any.</summary>
    public static string Render(AddressPlan plan, NodeAddresses node)
    {
        var problems = Problems(plan, node);
        if (!problems.IsEmpty)
        {
            throw new InvalidOperationException($"cannot write {FilePath} for {node.Name}: {string.Join("; ", problems)}");
        }

        var role = node.Node.IsMaster ? "master" : "minion";
        string[] header =
        [
            $"kubeadm configuration for {node.Name} ({role}), written by sixgill from the cluster config.",
            "It holds the bootstrap token: keep it mode 0600. sixgill rewrites it; edits are kept in a backup.",
        ];
        var documents = node.Node.IsMaster ? KubeadmInitDocuments.For(plan, node) : [KubeadmJoinDocument.For(plan, node)];
        return YamlEmitter.Documents(header, documents);
    }

    /// <summary>kubeadm's form of a list of values, IPv6 first: <c>fd00:40::/64,10.244.0.0/16</c>.</summary>
    internal static string CommaList<T>(IEnumerable<T> values) => string.Join(",", values);

    /// <summary>The <c>{name, value}</c> list v1beta4 takes for extra arguments.</summary>
    internal static WrittenYamlList Args(params (string Name, string Value)[] args) =>
        new(args.Select(a => (WrittenYamlNode)new WrittenYamlMap { { "name", a.Name }, { "value", WrittenYamlNode.Quoted(a.Value) } }));

    /// <summary><c>nodeRegistration</c>: the node's name and the kubelet's <c>node-ip</c>, every family, IPv6 first.</summary>
    internal static WrittenYamlMap NodeRegistration(NodeAddresses node) => new()
    {
        { "name", node.Name },
        { "kubeletExtraArgs", Args(("node-ip", CommaList(node.ManagementAddresses.Select(m => m.Address)))) },
    };

    /// <summary>"Every address" in the cluster's first family; <c>::</c> also takes IPv4 in dual-stack.</summary>
    internal static string AnyAddress(ClusterMode mode) => mode == ClusterMode.Ipv4 ? "0.0.0.0" : "::";

    internal static string Loopback(ClusterMode mode) => mode == ClusterMode.Ipv4 ? "127.0.0.1" : "::1";

    internal static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool IsCertHash(string hash) => hash.Length == 64 && hash.All(char.IsAsciiHexDigit);
}
