using Sixgill.Addressing;
using Sixgill.Config;
using Sixgill.Values;

namespace Sixgill.Kube;

/// <summary>
/// The resolver file kubelet hands to pods with <c>dnsPolicy: Default</c> — CoreDNS among them, which
/// forwards every name outside the cluster to the servers listed here. In ipv6 mode it lists the DNS64
/// server alone: kubeadm would otherwise point kubelet at systemd-resolved's list of upstream servers
/// (<c>/run/systemd/resolve/resolv.conf</c>), and a query that lands on a server without DNS64 gets no
/// AAAA for an IPv4-only name, so such names would resolve only some of the time.
/// </summary>
/// <remarks>
/// Dual-stack and ipv4 clusters reach every upstream server over IPv4, so the node's own servers fit
/// them: Sixgill writes no file there and leaves kubelet's <c>resolvConf</c> to kubeadm.
/// </remarks>
internal static class KubeletResolvConf
{
    /// <summary>The same path on every node: the KubeletConfiguration is one for the whole cluster.</summary>
    public const string FilePath = "/etc/sixgill/kubelet-resolv.conf";

    /// <summary>The server pods resolve through; null when the cluster keeps the node's own servers.</summary>
    public static Ip? Nameserver(AddressPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Cluster.Mode == ClusterMode.Ipv6 ? plan.Gateway?.Dns64Address : null;
    }

    /// <summary>The file's text; null when the cluster keeps the node's own servers.</summary>
    public static string? Render(AddressPlan plan) =>
        Nameserver(plan) is { } dns64
            ? $"# resolv.conf for kubelet (resolvConf in /etc/sixgill/kubeadm.yaml), written by sixgill prepare: DNS64 only\nnameserver {dns64}\n"
            : null;
}
