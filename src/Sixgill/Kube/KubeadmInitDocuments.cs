using System.Collections.Immutable;
using Sixgill.Addressing;
using Sixgill.Config;

namespace Sixgill.Kube;

/// <summary>The master's four documents for <c>kubeadm init --config</c>.</summary>
internal static class KubeadmInitDocuments
{
    /// <summary>kubeadm's default lifetime, written out so the file says when minions must have joined.</summary>
    public const string TokenTtl = "24h0m0s";

    public static ImmutableArray<YamlMap> For(Cluster cluster, KubeNode master) =>
    [
        Init(cluster, master),
        ClusterConfiguration(cluster, master),
        Kubelet(cluster, master),
        KubeProxy(master),
    ];

    private static YamlMap Init(Cluster cluster, KubeNode master) => new()
    {
        { "apiVersion", KubeadmConfig.KubeadmApiVersion },
        { "kind", "InitConfiguration" },
        {
            "bootstrapTokens", new YamlList
            {
                new YamlMap
                {
                    { "token", YamlNode.Quoted(cluster.EffectiveToken!) },
                    { "description", "sixgill bootstrap token" },
                    { "ttl", TokenTtl },
                },
            }
        },
        {
            "localAPIEndpoint", new YamlMap
            {
                { "advertiseAddress", YamlNode.Quoted(master.ApiServer.ToString()) },
                { "bindPort", KubeNode.ApiServerPort },
            }
        },
        { "nodeRegistration", KubeadmConfig.NodeRegistration(master) },
    };

    private static YamlMap ClusterConfiguration(Cluster cluster, KubeNode master)
    {
        var document = new YamlMap
        {
            { "apiVersion", KubeadmConfig.KubeadmApiVersion },
            { "kind", "ClusterConfiguration" },
        };
        if (cluster.KubernetesVersion is { } version)
        {
            document.Add("kubernetesVersion", version);
        }

        document.Add("controlPlaneEndpoint", YamlNode.Quoted(master.ApiEndpoint));
        document.Add("networking", new YamlMap
        {
            { "podSubnet", YamlNode.Quoted(KubeadmConfig.CommaList(master.PodNetworks)) },
            { "serviceSubnet", YamlNode.Quoted(KubeadmConfig.CommaList(master.ServiceNetworks)) },
            { "dnsDomain", cluster.ClusterDomain },
        });

        // The controller manager hands each node a podCIDR of the node size, per family. Sixgill's CNI
        // config uses its own, id-based subnets of that size; kube-controller-manager refuses the
        // -ipv6 flag in an IPv4-only cluster and the -ipv4 one in an IPv6-only cluster, so one per family.
        var controllerManagerArgs = new List<(string, string)> { ("bind-address", KubeadmConfig.AnyAddress(cluster.Mode)) };
        foreach (var subnet in master.PodSubnets)
        {
            var flag = subnet.Family == IpFamily.V6 ? "node-cidr-mask-size-ipv6" : "node-cidr-mask-size-ipv4";
            controllerManagerArgs.Add((flag, KubeadmConfig.Text(subnet.Subnet.Length)));
        }

        document.Add("controllerManager", new YamlMap { { "extraArgs", KubeadmConfig.Args([.. controllerManagerArgs]) } });
        document.Add("scheduler", new YamlMap { { "extraArgs", KubeadmConfig.Args(("bind-address", KubeadmConfig.Loopback(cluster.Mode))) } });
        return document;
    }

    private static YamlMap Kubelet(Cluster cluster, KubeNode master) => new()
    {
        { "apiVersion", KubeadmConfig.KubeletApiVersion },
        { "kind", "KubeletConfiguration" },
        { "cgroupDriver", "systemd" },
        { "address", YamlNode.Quoted(KubeadmConfig.AnyAddress(cluster.Mode)) },
        { "healthzBindAddress", YamlNode.Quoted(KubeadmConfig.AnyAddress(cluster.Mode)) },
        { "clusterDNS", new YamlList(master.ClusterDns.Select(ip => YamlNode.Quoted(ip.ToString()))) },
        { "clusterDomain", cluster.ClusterDomain },
    };

    private static YamlMap KubeProxy(KubeNode master) => new()
    {
        { "apiVersion", KubeadmConfig.KubeProxyApiVersion },
        { "kind", "KubeProxyConfiguration" },
        { "mode", "nftables" },
        { "clusterCIDR", YamlNode.Quoted(KubeadmConfig.CommaList(master.PodNetworks)) },
    };
}
