using System.Collections.Immutable;
using Sixgill.Addressing;
using Sixgill.Values;

namespace Sixgill.Kube;

/// <summary>The master's four documents for <c>kubeadm init --config</c>.</summary>
internal static class KubeadmInitDocuments
{
    /// <summary>kubeadm's default lifetime, written out so the file says when minions must have joined.</summary>
    public const string TokenTtl = "24h0m0s";

    public static ImmutableArray<WrittenYamlMap> For(AddressPlan plan, NodeAddresses master) =>
    [
        Init(plan, master),
        ClusterConfiguration(plan),
        Kubelet(plan),
        KubeProxy(plan),
    ];

    private static WrittenYamlMap Init(AddressPlan plan, NodeAddresses master) => new()
    {
        { "apiVersion", KubeadmConfig.KubeadmApiVersion },
        { "kind", "InitConfiguration" },
        {
            "bootstrapTokens", new WrittenYamlList
            {
                new WrittenYamlMap
                {
                    { "token", WrittenYamlNode.Quoted(plan.Cluster.EffectiveToken!) },
                    { "description", "sixgill bootstrap token" },
                    { "ttl", TokenTtl },
                },
            }
        },
        {
            "localAPIEndpoint", new WrittenYamlMap
            {
                { "advertiseAddress", WrittenYamlNode.Quoted(plan.ApiEndpoint.Address.ToString()) },
                { "bindPort", plan.ApiEndpoint.Port },
            }
        },
        { "nodeRegistration", KubeadmConfig.NodeRegistration(master) },
    };

    private static WrittenYamlMap ClusterConfiguration(AddressPlan plan)
    {
        var cluster = plan.Cluster;
        var document = new WrittenYamlMap
        {
            { "apiVersion", KubeadmConfig.KubeadmApiVersion },
            { "kind", "ClusterConfiguration" },
        };
        if (cluster.KubernetesVersion is { } version)
        {
            document.Add("kubernetesVersion", version);
        }

        document.Add("controlPlaneEndpoint", WrittenYamlNode.Quoted(plan.ApiEndpoint.ToString()));
        document.Add("networking", new WrittenYamlMap
        {
            { "podSubnet", WrittenYamlNode.Quoted(KubeadmConfig.CommaList(plan.PodNetworks.Select(p => p.Cidr))) },
            { "serviceSubnet", WrittenYamlNode.Quoted(KubeadmConfig.CommaList(plan.ServiceNetworks)) },
            { "dnsDomain", cluster.ClusterDomain },
        });

        // The controller manager hands each node a podCIDR of the node size, per family. Sixgill's CNI
        // config uses its own, id-based subnets of that size; kube-controller-manager refuses the
        // -ipv6 flag in an IPv4-only cluster and the -ipv4 one in an IPv6-only cluster, so one per family.
        var controllerManagerArgs = new List<(string, string)> { ("bind-address", KubeadmConfig.AnyAddress(cluster.Mode)) };
        foreach (var (cidr, nodeSize) in plan.PodNetworks)
        {
            var flag = cidr.Family == IpFamily.V6 ? "node-cidr-mask-size-ipv6" : "node-cidr-mask-size-ipv4";
            controllerManagerArgs.Add((flag, KubeadmConfig.Text(nodeSize)));
        }

        document.Add("controllerManager", new WrittenYamlMap { { "extraArgs", KubeadmConfig.Args([.. controllerManagerArgs]) } });
        document.Add("scheduler", new WrittenYamlMap { { "extraArgs", KubeadmConfig.Args(("bind-address", KubeadmConfig.Loopback(cluster.Mode))) } });
        return document;
    }

    private static WrittenYamlMap Kubelet(AddressPlan plan) => new()
    {
        { "apiVersion", KubeadmConfig.KubeletApiVersion },
        { "kind", "KubeletConfiguration" },
        { "cgroupDriver", "systemd" },
        { "address", WrittenYamlNode.Quoted(KubeadmConfig.AnyAddress(plan.Cluster.Mode)) },
        { "healthzBindAddress", WrittenYamlNode.Quoted(KubeadmConfig.AnyAddress(plan.Cluster.Mode)) },
        { "clusterDNS", new WrittenYamlList(plan.ClusterDns.Select(ip => WrittenYamlNode.Quoted(ip.ToString()))) },
        { "clusterDomain", plan.Cluster.ClusterDomain },
    };

    private static WrittenYamlMap KubeProxy(AddressPlan plan) => new()
    {
        { "apiVersion", KubeadmConfig.KubeProxyApiVersion },
        { "kind", "KubeProxyConfiguration" },
        { "mode", "nftables" },
        { "clusterCIDR", WrittenYamlNode.Quoted(KubeadmConfig.CommaList(plan.PodNetworks.Select(p => p.Cidr))) },
    };
}
