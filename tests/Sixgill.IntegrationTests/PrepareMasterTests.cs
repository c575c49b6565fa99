using Sixgill.Lab;

namespace Sixgill.IntegrationTests;

/// <summary>The kubeadm file prepare writes on the master, in each mode (ipv6, dual-stack, ipv4), read back in the node.</summary>
public sealed class PrepareMasterTests
{
    private const string InitKinds = "kind: InitConfiguration";

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task The_ipv6_master_gets_init_cluster_kubelet_and_kube_proxy_configurations()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();

        var kubeadm = await PrepareMasterAsync(lab, "gw");

        Kinds(kubeadm).ShouldBe(["InitConfiguration", "ClusterConfiguration", "KubeletConfiguration", "KubeProxyConfiguration"]);
        kubeadm.ShouldContain("controlPlaneEndpoint: \"[fd00:20::2]:6443\"");
        kubeadm.ShouldContain("advertiseAddress: \"fd00:20::2\"");
        NodeIp(kubeadm).ShouldBe("\"fd00:20::2\"");
        kubeadm.ShouldContain("podSubnet: \"fd00:40::/64\"");
        kubeadm.ShouldContain("serviceSubnet: \"fd00:30::/110\"");
        ListAfter(kubeadm, "clusterDNS:").ShouldBe(["\"fd00:30::a\""]);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task The_dual_stack_master_lists_both_families_IPv6_first()
    {
        await using var lab = await PrepareLab.CreateAsync("dual-stack.yaml", name => new LabSpec(name, [new("cp1", "eno2")]));

        var kubeadm = await PrepareMasterAsync(lab, "cp1", "eno2");

        Kinds(kubeadm).ShouldBe(["InitConfiguration", "ClusterConfiguration", "KubeletConfiguration", "KubeProxyConfiguration"]);
        kubeadm.ShouldContain("controlPlaneEndpoint: \"[fd00:20::2]:6443\"");
        NodeIp(kubeadm).ShouldBe("\"fd00:20::2,10.192.0.2\"");
        kubeadm.ShouldContain("podSubnet: \"fd00:40::/64,10.244.0.0/16\"");
        kubeadm.ShouldContain("serviceSubnet: \"fd00:30::/110,10.96.0.0/16\"");
        ListAfter(kubeadm, "clusterDNS:").ShouldBe(["\"fd00:30::a\""], "kube-dns gets only the first family's address");
        (await PrepareLab.ShAsync(lab.Node("cp1"), "cat /proc/sys/net/ipv4/ip_forward /proc/sys/net/ipv6/conf/all/forwarding")).ShouldBe("1\n1\n");
        (await PrepareLab.ShAsync(lab.Node("cp1"), "ip -br address show dev eno2")).ShouldContain("10.192.0.2/16");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task The_ipv4_master_uses_IPv4_forms_throughout()
    {
        await using var lab = await PrepareLab.CreateAsync("ipv4.yaml", name => new LabSpec(name, [new("cp1", "eth1")]));

        var kubeadm = await PrepareMasterAsync(lab, "cp1");

        Kinds(kubeadm).ShouldBe(["InitConfiguration", "ClusterConfiguration", "KubeletConfiguration", "KubeProxyConfiguration"]);
        kubeadm.ShouldContain("controlPlaneEndpoint: \"10.192.0.10:6443\"");
        NodeIp(kubeadm).ShouldBe("\"10.192.0.10\"");
        kubeadm.ShouldContain("podSubnet: \"10.244.0.0/16\"");
        ListAfter(kubeadm, "clusterDNS:").ShouldBe(["\"10.96.0.10\""]);
        kubeadm.ShouldNotContain("fd00:");
    }

    /// <summary>Prepares the master (its own address on <paramref name="link"/>, no gateway needed) and returns its kubeadm file.</summary>
    private static async Task<string> PrepareMasterAsync(PrepareLab lab, string master, string link = "eth1")
    {
        var node = lab.Node(master);
        var run = await lab.SixgillAsync(node, "prepare");
        run.ExitCode.ShouldBe(0, run.StandardError);
        (await PrepareLab.ShAsync(node, "stat -c %a /etc/sixgill/kubeadm.yaml")).Trim().ShouldBe("600");
        (await PrepareLab.ShAsync(node, $"ip -br link show dev {link}")).ShouldContain("UP");
        var kubeadm = await PrepareLab.ShAsync(node, "cat /etc/sixgill/kubeadm.yaml");
        kubeadm.ShouldContain("apiVersion: kubeadm.k8s.io/v1beta4");
        kubeadm.ShouldContain(InitKinds);
        return kubeadm;
    }

    private static List<string> Kinds(string yaml) =>
        [.. Lines(yaml).Where(l => l.StartsWith("kind: ", StringComparison.Ordinal)).Select(l => l["kind: ".Length..])];

    /// <summary>The value of the <c>node-ip</c> kubelet argument (<c>- name: node-ip</c> then <c>value: …</c>).</summary>
    private static string NodeIp(string yaml)
    {
        var lines = Lines(yaml);
        var at = lines.FindIndex(l => l.Trim() == "- name: node-ip");
        at.ShouldBeGreaterThanOrEqualTo(0, "a node-ip kubelet argument");
        return lines[at + 1].Trim()["value: ".Length..];
    }

    /// <summary>The items of the block list under <paramref name="key"/>.</summary>
    private static List<string> ListAfter(string yaml, string key)
    {
        var lines = Lines(yaml);
        var at = lines.FindIndex(l => l.Trim() == key);
        at.ShouldBeGreaterThanOrEqualTo(0, key);
        return [.. lines.Skip(at + 1).TakeWhile(l => l.TrimStart().StartsWith("- ", StringComparison.Ordinal)).Select(l => l.Trim()[2..])];
    }

    private static List<string> Lines(string yaml) => [.. yaml.Split('\n')];
}
