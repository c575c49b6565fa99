using System.Net;
using Sixgill.Addressing;
using Sixgill.Config;
using Sixgill.Kube;
using Sixgill.Tests.Addressing;
using YamlDotNet.RepresentationModel;

namespace Sixgill.Tests.Kube;

public sealed class KubeadmConfigTests
{
    private static T Of<T>(Cluster cluster, string node, Func<AddressPlan, NodeAddresses, T> render)
    {
        var plan = AddressPlan.For(cluster);
        return render(plan, plan[node]);
    }

    private static string Render(Cluster cluster, string node) => Of(cluster, node, KubeadmConfig.Render);

    private static IReadOnlyList<YamlMappingNode> Documents(Cluster cluster, string node) => Yaml.Documents(Render(cluster, node));

    [Fact]
    public void The_master_gets_init_cluster_kubelet_and_kube_proxy_documents_in_that_order()
    {
        var documents = Documents(TestClusters.Lab(), "gw");

        documents.Select(d => d.Text("kind")).ShouldBe(["InitConfiguration", "ClusterConfiguration", "KubeletConfiguration", "KubeProxyConfiguration"]);
        documents.Select(d => d.Text("apiVersion")).ShouldBe(
            ["kubeadm.k8s.io/v1beta4", "kubeadm.k8s.io/v1beta4", "kubelet.config.k8s.io/v1beta1", "kubeproxy.config.k8s.io/v1alpha1"]);
    }

    [Fact]
    public void Ipv6_master_init_configuration_advertises_the_management_address_with_the_lab_token()
    {
        var init = Documents(TestClusters.Lab(), "gw").Kind("InitConfiguration");

        init.Address("localAPIEndpoint", "advertiseAddress").ShouldBe(IPAddress.Parse("fd00:20::2"));
        init.Text("localAPIEndpoint", "bindPort").ShouldBe("6443");
        init.Text("nodeRegistration", "name").ShouldBe("gw");
        init.Args("nodeRegistration", "kubeletExtraArgs").ShouldBe([("node-ip", "fd00:20::2")]);
        var token = init.Sequence("bootstrapTokens").Children.ShouldHaveSingleItem();
        token.Text("token").ShouldBe(Cluster.LabToken);
        token.Text("ttl").ShouldBe("24h0m0s");
    }

    [Fact]
    public void Ipv6_master_cluster_configuration_has_the_bracketed_endpoint_networks_and_ipv6_binds()
    {
        var cluster = Documents(TestClusters.Lab(), "gw").Kind("ClusterConfiguration");

        cluster.Text("controlPlaneEndpoint").ShouldBe("[fd00:20::2]:6443");
        cluster.IsQuoted("controlPlaneEndpoint").ShouldBeTrue();
        cluster.Text("networking", "podSubnet").ShouldBe("fd00:40::/64");
        cluster.Text("networking", "serviceSubnet").ShouldBe("fd00:30::/110");
        cluster.Text("networking", "dnsDomain").ShouldBe("cluster.local");
        cluster.Args("controllerManager", "extraArgs").ShouldBe([("allocate-node-cidrs", "false"), ("bind-address", "::1"), ("node-cidr-mask-size-ipv6", "80")]);
        cluster.Args("scheduler", "extraArgs").ShouldBe([("bind-address", "::1")]);
        cluster.Find("kubernetesVersion").ShouldBeNull();
    }

    [Fact]
    public void Extra_argument_values_are_quoted_strings_so_80_stays_a_string_and_colons_stay_text()
    {
        var cluster = Documents(TestClusters.Lab(), "gw").Kind("ClusterConfiguration");

        var extraArgs = cluster.Sequence("controllerManager", "extraArgs").Children.ToList();
        extraArgs.ShouldNotBeEmpty();
        foreach (var arg in extraArgs)
        {
            arg.IsQuoted("value").ShouldBeTrue();
        }
    }

    [Fact]
    public void Ipv6_master_kubelet_uses_service_plus_10_for_dns_the_dns64_only_resolv_conf_and_loopback_healthz()
    {
        var kubelet = Documents(TestClusters.Lab(), "gw").Kind("KubeletConfiguration");

        kubelet.Texts("clusterDNS").Select(IPAddress.Parse).ShouldBe([IPAddress.Parse("fd00:30::a")]);
        kubelet.Text("clusterDomain").ShouldBe("cluster.local");
        kubelet.Text("address").ShouldBe("::");
        kubelet.Text("healthzBindAddress").ShouldBe("127.0.0.1", "kubeadm polls http://ADDRESS:10248/healthz without brackets");
        kubelet.Text("cgroupDriver").ShouldBe("systemd");
        kubelet.Text("resolvConf").ShouldBe(KubeletResolvConf.FilePath);
    }

    [Fact]
    public void The_kubelet_resolv_conf_lists_exactly_the_dns64_server_in_ipv6_mode_and_is_not_written_in_the_others()
    {
        var text = KubeletResolvConf.Render(AddressPlan.For(TestClusters.Lab()))!;

        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ShouldBe(["nameserver fd00:10::100"]);
        KubeletResolvConf.Render(AddressPlan.For(TestClusters.DualStack())).ShouldBeNull();
        KubeletResolvConf.Render(AddressPlan.For(TestClusters.Ipv4())).ShouldBeNull();
        Documents(TestClusters.DualStack(), "cp1").Kind("KubeletConfiguration").Find("resolvConf").ShouldBeNull();
        Documents(TestClusters.Ipv4(), "cp1").Kind("KubeletConfiguration").Find("resolvConf").ShouldBeNull();
    }

    [Theory]
    [InlineData("lab", "gw")]
    [InlineData("dual", "cp1")]
    [InlineData("ipv4", "cp1")]
    public void The_controller_manager_allocates_no_pod_cidrs_so_nodes_never_name_a_subnet_their_pods_do_not_use(string example, string master)
    {
        var args = Documents(Example(example), master).Kind("ClusterConfiguration").Args("controllerManager", "extraArgs");

        args.ShouldContain(("allocate-node-cidrs", "false"));
        args.Select(a => a.Name).ShouldNotContain("cluster-cidr");
    }

    [Fact]
    public void Ipv6_master_kube_proxy_runs_nftables_over_the_pod_network()
    {
        var proxy = Documents(TestClusters.Lab(), "gw").Kind("KubeProxyConfiguration");

        proxy.Text("mode").ShouldBe("nftables");
        proxy.Text("clusterCIDR").ShouldBe("fd00:40::/64");
    }

    [Fact]
    public void A_kubernetes_version_is_passed_on_when_set()
    {
        var lab = TestClusters.Lab() with { KubernetesVersion = "v1.33.1" };

        Documents(lab, "gw").Kind("ClusterConfiguration").Text("kubernetesVersion").ShouldBe("v1.33.1");
    }

    [Fact]
    public void An_insecure_minion_joins_the_master_endpoint_without_pinning()
    {
        var documents = Documents(TestClusters.Lab(), "w1");

        var join = documents.ShouldHaveSingleItem();
        join.Text("apiVersion").ShouldBe("kubeadm.k8s.io/v1beta4");
        join.Text("kind").ShouldBe("JoinConfiguration");
        join.Text("discovery", "bootstrapToken", "apiServerEndpoint").ShouldBe("[fd00:20::2]:6443");
        join.Text("discovery", "bootstrapToken", "token").ShouldBe(Cluster.LabToken);
        join.Scalar("discovery", "bootstrapToken", "unsafeSkipCAVerification").Value.ShouldBe("true");
        join.IsQuoted("discovery", "bootstrapToken", "unsafeSkipCAVerification").ShouldBeFalse("a boolean, not the string \"true\"");
        join.Find("discovery", "bootstrapToken", "caCertHashes").ShouldBeNull();
        join.Text("nodeRegistration", "name").ShouldBe("w1");
        join.Args("nodeRegistration", "kubeletExtraArgs").ShouldBe([("node-ip", "fd00:20::3")]);
    }

    [Fact]
    public void A_minion_of_an_initialised_cluster_pins_the_ca_by_its_hash()
    {
        var join = Documents(KubeClusters.LabInitialised(), "w2").Kind("JoinConfiguration");

        join.Text("discovery", "bootstrapToken", "token").ShouldBe(KubeClusters.OtherToken);
        join.Texts("discovery", "bootstrapToken", "caCertHashes").ShouldBe([$"sha256:{KubeClusters.Hash}"]);
        join.Find("discovery", "bootstrapToken", "unsafeSkipCAVerification").ShouldBeNull();
        join.Args("nodeRegistration", "kubeletExtraArgs").ShouldBe([("node-ip", "fd00:20::4")]);
    }

    [Fact]
    public void The_configured_token_wins_over_the_lab_token_even_when_insecure()
    {
        var lab = TestClusters.Lab() with { Token = KubeClusters.OtherToken };

        Documents(lab, "gw").Kind("InitConfiguration").Sequence("bootstrapTokens")[0].Text("token").ShouldBe(KubeClusters.OtherToken);
        Documents(lab, "w1")[0].Text("discovery", "bootstrapToken", "token").ShouldBe(KubeClusters.OtherToken);
    }

    [Fact]
    public void Dual_stack_master_lists_both_families_ipv6_first_everywhere()
    {
        var documents = Documents(TestClusters.DualStack(), "cp1");
        var init = documents.Kind("InitConfiguration");
        var cluster = documents.Kind("ClusterConfiguration");
        var kubelet = documents.Kind("KubeletConfiguration");

        init.Address("localAPIEndpoint", "advertiseAddress").ShouldBe(IPAddress.Parse("fd00:20::2"));
        init.Args("nodeRegistration", "kubeletExtraArgs").ShouldBe([("node-ip", "fd00:20::2,10.192.0.2")]);
        cluster.Text("controlPlaneEndpoint").ShouldBe("[fd00:20::2]:6443");
        cluster.Text("networking", "podSubnet").ShouldBe("fd00:40::/64,10.244.0.0/16");
        cluster.Text("networking", "serviceSubnet").ShouldBe("fd00:30::/110,10.96.0.0/16");
        cluster.Args("controllerManager", "extraArgs").ShouldBe(
            [("allocate-node-cidrs", "false"), ("bind-address", "::1"), ("node-cidr-mask-size-ipv6", "80"), ("node-cidr-mask-size-ipv4", "24")]);
        cluster.Args("scheduler", "extraArgs").ShouldBe([("bind-address", "::1")]);

        // kubeadm gives kube-dns one address, the first service network's + 10: only that one is listed.
        kubelet.Texts("clusterDNS").Select(IPAddress.Parse).ShouldBe([IPAddress.Parse("fd00:30::a")]);
        kubelet.Text("address").ShouldBe("::");
        documents.Kind("KubeProxyConfiguration").Text("clusterCIDR").ShouldBe("fd00:40::/64,10.244.0.0/16");
    }

    [Fact]
    public void Dual_stack_minion_registers_both_addresses_and_pins_the_ca()
    {
        var join = Documents(TestClusters.DualStack(), "wk1").ShouldHaveSingleItem();

        join.Text("discovery", "bootstrapToken", "apiServerEndpoint").ShouldBe("[fd00:20::2]:6443");
        join.Texts("discovery", "bootstrapToken", "caCertHashes").ShouldBe([$"sha256:{KubeClusters.Hash}"]);
        join.Args("nodeRegistration", "kubeletExtraArgs").ShouldBe([("node-ip", "fd00:20::3,10.192.0.3")]);
    }

    [Fact]
    public void A_dual_stack_file_that_lists_ipv4_first_is_still_written_ipv6_first()
    {
        var dual = TestClusters.DualStack();
        var swapped = dual with
        {
            MgmtNet = dual.MgmtNet2!.Value,
            MgmtNet2 = dual.MgmtNet,
            ServiceNet = dual.ServiceNet2!.Value,
            ServiceNet2 = dual.ServiceNet,
            PodNet = new PodNetwork(dual.PodNet.Cidr2!.Value, 24, dual.PodNet.Cidr, 80, null),
        };

        Render(swapped, "cp1").ShouldBe(Render(dual, "cp1"));
        Render(swapped, "wk1").ShouldBe(Render(dual, "wk1"));
    }

    [Fact]
    public void Ipv4_master_uses_ipv4_forms_and_an_unbracketed_endpoint()
    {
        var documents = Documents(TestClusters.Ipv4(), "cp1");
        var init = documents.Kind("InitConfiguration");
        var cluster = documents.Kind("ClusterConfiguration");
        var kubelet = documents.Kind("KubeletConfiguration");

        init.Address("localAPIEndpoint", "advertiseAddress").ShouldBe(IPAddress.Parse("10.192.0.10"));
        init.Args("nodeRegistration", "kubeletExtraArgs").ShouldBe([("node-ip", "10.192.0.10")]);
        cluster.Text("controlPlaneEndpoint").ShouldBe("10.192.0.10:6443");
        cluster.Text("networking", "podSubnet").ShouldBe("10.244.0.0/16");
        cluster.Text("networking", "serviceSubnet").ShouldBe("10.96.0.0/16");
        cluster.Args("controllerManager", "extraArgs").ShouldBe([("allocate-node-cidrs", "false"), ("bind-address", "127.0.0.1"), ("node-cidr-mask-size-ipv4", "24")]);
        cluster.Args("scheduler", "extraArgs").ShouldBe([("bind-address", "127.0.0.1")]);
        kubelet.Texts("clusterDNS").ShouldBe(["10.96.0.10"]);
        kubelet.Text("address").ShouldBe("0.0.0.0");
        kubelet.Text("healthzBindAddress").ShouldBe("127.0.0.1");
        documents.Kind("KubeProxyConfiguration").Text("clusterCIDR").ShouldBe("10.244.0.0/16");
    }

    [Fact]
    public void Ipv4_minion_joins_the_unbracketed_endpoint()
    {
        var join = Documents(TestClusters.Ipv4(), "wk1").ShouldHaveSingleItem();

        join.Text("discovery", "bootstrapToken", "apiServerEndpoint").ShouldBe("10.192.0.10:6443");
        join.Args("nodeRegistration", "kubeletExtraArgs").ShouldBe([("node-ip", "10.192.0.11")]);
        join.Text("discovery", "bootstrapToken", "token").ShouldBe(Cluster.LabToken);
    }

    [Theory]
    [InlineData("lab", "gw")]
    [InlineData("lab", "w1")]
    [InlineData("dual", "cp1")]
    [InlineData("ipv4", "wk1")]
    public void Every_chunk_kubeadm_splits_off_at_dashes_has_an_api_version_and_a_kind(string example, string node)
    {
        var text = Render(Example(example), node);

        // kubeadm cuts the file at "---" lines and rejects a chunk without apiVersion and kind, so the
        // header comment must not stand alone before a separator.
        var chunks = text.Split("\n---\n");
        foreach (var chunk in chunks)
        {
            chunk.Split('\n').ShouldContain(l => l.StartsWith("apiVersion: ", StringComparison.Ordinal));
            chunk.Split('\n').ShouldContain(l => l.StartsWith("kind: ", StringComparison.Ordinal));
        }

        text.ShouldStartWith("# ");
        text.ShouldEndWith("\n");
        text.ShouldNotContain("\r");
        text.ShouldNotContain("\t");
    }

    [Fact]
    public void The_file_is_the_same_every_time()
    {
        Render(TestClusters.DualStack(), "cp1").ShouldBe(Render(TestClusters.DualStack(), "cp1"));
    }

    [Fact]
    public void Without_a_token_and_not_insecure_the_file_is_refused_with_the_fix()
    {
        var lab = TestClusters.Lab() with { Insecure = false, Token = Cluster.PlaceholderToken, TokenCertHash = KubeClusters.Hash };

        var problem = Of(lab, "gw", KubeadmConfig.Problems).ShouldHaveSingleItem();
        problem.ShouldContain("sixgill init");
        var error = Should.Throw<InvalidOperationException>(() => Render(lab, "gw"));
        error.Message.ShouldContain("sixgill init");
    }

    [Fact]
    public void A_minion_without_a_ca_hash_is_refused_unless_insecure()
    {
        var lab = KubeClusters.LabInitialised() with { TokenCertHash = null };

        Of(lab, "w1", KubeadmConfig.Problems).ShouldHaveSingleItem().ShouldContain("token_cert_hash");
        Of(lab, "gw", KubeadmConfig.Problems).ShouldBeEmpty("the master needs no hash");
        var insecure = lab with { Insecure = true };
        Of(insecure, "w1", KubeadmConfig.Problems).ShouldBeEmpty();
    }

    [Fact]
    public void Problems_never_quote_the_token()
    {
        var lab = TestClusters.Lab() with { Insecure = false, Token = "abcdef.0123456789ABCDEF", TokenCertHash = "xyz" };

        var problems = Of(lab, "w1", KubeadmConfig.Problems);

        problems.Length.ShouldBe(2);
        problems.ShouldAllBe(p => !p.Contains("0123456789", StringComparison.Ordinal));
        Should.Throw<InvalidOperationException>(() => Render(lab, "w1")).Message.ShouldNotContain("0123456789");
    }

    [Fact]
    public void A_node_that_only_runs_dns64_and_nat64_gets_no_kubeadm_file()
    {
        var lab = TestClusters.Lab().WithServiceOnlyNode("gw2", 5);

        Of(lab, "gw2", KubeadmConfig.Problems).ShouldHaveSingleItem().ShouldContain("neither master nor minion");
    }

    private static Cluster Example(string name) => name switch
    {
        "lab" => TestClusters.Lab(),
        "dual" => TestClusters.DualStack(),
        _ => TestClusters.Ipv4(),
    };
}
