using System.Collections.Immutable;
using Sixgill.Addressing;
using Sixgill.Values;

namespace Sixgill.Kube;

/// <summary>The master's four documents for <c>kubeadm init --config</c>.</summary>
internal static class KubeadmInitDocuments
{
    /// <summary>kubeadm's default lifetime, written out so the file says when minions must have joined.</summary>
    public const string TokenTtl = "24h0m0s";

    /// <summary>Where kubelet answers <c>/healthz</c> (port 10248): loopback, the address kubeadm's wait can reach.</summary>
    public const string KubeletHealthzAddress = "127.0.0.1";

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

        // Sixgill's CNI config gives each node the id-based subnet of the address plan; the controller
        // manager's allocator would hand out podCIDRs in join order, so node.spec.podCIDRs would name other
        // subnets than the pods really use. It allocates nothing here: podCIDRs stay empty rather than wrong.
        // The mask sizes stay, one per family of the cluster: kubeadm checks the pod subnet against them
        // (its default for IPv6 is /64), and they say the truth about the node subnets' size.
        var controllerManagerArgs = new List<(string, string)>
        {
            ("allocate-node-cidrs", "false"),
            ("bind-address", KubeadmConfig.Loopback(cluster.Mode)),
        };
        foreach (var (cidr, nodeSize) in plan.PodNetworks)
        {
            var flag = cidr.Family == IpFamily.V6 ? "node-cidr-mask-size-ipv6" : "node-cidr-mask-size-ipv4";
            controllerManagerArgs.Add((flag, KubeadmConfig.Text(nodeSize)));
        }

        document.Add("controllerManager", new WrittenYamlMap { { "extraArgs", KubeadmConfig.Args([.. controllerManagerArgs]) } });
        document.Add("scheduler", new WrittenYamlMap { { "extraArgs", KubeadmConfig.Args(("bind-address", KubeadmConfig.Loopback(cluster.Mode))) } });
        return document;
    }

    private static WrittenYamlMap Kubelet(AddressPlan plan)
    {
        var document = new WrittenYamlMap
        {
            { "apiVersion", KubeadmConfig.KubeletApiVersion },
            { "kind", "KubeletConfiguration" },
            { "cgroupDriver", "systemd" },

            // The kubelet API (logs, exec, metrics) is reached by the API server at the node's address.
            { "address", WrittenYamlNode.Quoted(KubeadmConfig.AnyAddress(plan.Cluster.Mode)) },

            // Only kubeadm asks, on the node itself, and it builds "http://ADDRESS:PORT/healthz" without
            // brackets: an IPv6 literal would make that no URL. 127.0.0.1 is on lo in every mode.
            { "healthzBindAddress", WrittenYamlNode.Quoted(KubeletHealthzAddress) },

            // kube-dns gets one address, the service network's + 10 of the first family: list only that.
            { "clusterDNS", new WrittenYamlList { WrittenYamlNode.Quoted(plan.ClusterDns[0].ToString()) } },
            { "clusterDomain", plan.Cluster.ClusterDomain },
        };
        if (KubeletResolvConf.Nameserver(plan) is not null)
        {
            document.Add("resolvConf", KubeletResolvConf.FilePath);
        }

        return document;
    }

    private static WrittenYamlMap KubeProxy(AddressPlan plan) => new()
    {
        { "apiVersion", KubeadmConfig.KubeProxyApiVersion },
        { "kind", "KubeProxyConfiguration" },
        { "mode", "nftables" },
        { "clusterCIDR", WrittenYamlNode.Quoted(KubeadmConfig.CommaList(plan.PodNetworks.Select(p => p.Cidr))) },
    };
}
