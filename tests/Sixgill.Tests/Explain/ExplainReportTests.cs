using System.Text.Json;
using Sixgill.Addressing;
using Sixgill.Cli.Explain;
using Sixgill.Config;
using Sixgill.Tests.Addressing;
using Sixgill.Values;

namespace Sixgill.Tests.Explain;

public sealed class ExplainReportTests
{
    [Fact]
    public void Orca_text_matches_the_golden_file() =>
        new ExplainReport(AddressPlan.For(TestClusters.Orca())).ToText().ShouldMatchGolden("orca.txt");

    [Fact]
    public void Orca_json_matches_the_golden_file() =>
        new ExplainReport(AddressPlan.For(TestClusters.Orca())).ToJson().ShouldMatchGolden("orca.json");

    [Fact]
    public void Lab_text_matches_the_golden_file() =>
        new ExplainReport(AddressPlan.For(TestClusters.Lab())).ToText().ShouldMatchGolden("lab.txt");

    [Fact]
    public void Dual_stack_text_matches_the_golden_file() =>
        new ExplainReport(AddressPlan.For(TestClusters.DualStack())).ToText().ShouldMatchGolden("dual-stack.txt");

    [Fact]
    public void Ipv4_text_matches_the_golden_file() =>
        new ExplainReport(AddressPlan.For(TestClusters.Ipv4())).ToText().ShouldMatchGolden("ipv4.txt");

    [Fact]
    public void Docker_text_matches_the_golden_file() =>
        new ExplainReport(AddressPlan.For(TestClusters.Orca(ServiceRuntime.Docker))).ToText().ShouldMatchGolden("orca-docker.txt");
}

public sealed class ExplainReportContentTests
{
    private const string RealToken = "k3x9qz.p4v7wb2nm8r5t1yc";


    [Fact]
    public void Orca_text_shows_every_address_route_and_hosts_line()
    {
        var text = new ExplainReport(AddressPlan.For(TestClusters.Orca())).ToText();

        text.ShouldContain("node my-master (id 2, interface enp10s0, master dns64 nat64)\n");
        text.ShouldContain("  management address    fd00:20::2/64\n");
        text.ShouldContain("  pod subnet            fd00:40:0:0:3::/80\n");
        text.ShouldContain("  cluster DNS           fd00:30::a\n");
        text.ShouldContain("  API endpoint          [fd00:20::2]:6443\n");
        text.ShouldContain("    fd00:20::2 my-master\n    fd00:20::3 a-minion\n");
        text.ShouldContain("  nameserver            fd00:10::100 (first nameserver)\n");
        text.ShouldContain("    fd00:10:64:ff9b::/96 via fd00:20::2 dev eth0  ");
        text.ShouldContain("    fd00:10::/64 via fd00:20::2 dev eth0          ");
        text.ShouldContain("    fd00:40:0:0:3::/80 via fd00:20::3 dev enp10s0  pod subnet of a-minion\n");
        text.ShouldContain("    172.18.0.128/25 dev nat64 ");
        text.ShouldNotContain("\u001b");
        text.ShouldNotContain("\r");
    }

    [Fact]
    public void Orca_json_parses_and_carries_the_plan()
    {
        var plan = AddressPlan.For(TestClusters.Orca());
        var json = new ExplainReport(plan).ToJson();

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        root.GetProperty("cluster").GetProperty("apiEndpoint").GetString().ShouldBe("[fd00:20::2]:6443");
        root.GetProperty("cluster").GetProperty("clusterDns")[0].GetString().ShouldBe("fd00:30::a");
        root.GetProperty("cluster").GetProperty("services").GetProperty("nat64Pool").GetString().ShouldBe("172.18.0.128/25");
        var nodes = root.GetProperty("nodes");
        nodes.GetArrayLength().ShouldBe(2);
        foreach (var node in nodes.EnumerateArray())
        {
            var expected = plan[node.GetProperty("name").GetString()!];
            Ip.Parse(node.GetProperty("managementAddresses")[0].GetString()!.Split('/')[0]).ShouldBe(expected.ManagementAddress.Address);
            Prefix.Parse(node.GetProperty("podSubnets")[0].GetProperty("subnet").GetString()!).ShouldBe(expected.PodSubnets[0].Subnet);
            Ip.Parse(node.GetProperty("podSubnets")[0].GetProperty("gateway").GetString()!).ShouldBe(expected.PodSubnets[0].Gateway);
            node.GetProperty("routes").EnumerateArray()
                .Select(r => Prefix.Parse(r.GetProperty("destination").GetString()!))
                .ShouldBe(plan.Routes(expected).Select(r => r.Destination));
        }
    }

    [Fact]
    public void Json_reads_back_into_the_source_generated_document()
    {
        var json = new ExplainReport(AddressPlan.For(TestClusters.DualStack())).ToJson();

        var document = JsonSerializer.Deserialize(json, ExplainJsonContext.Default.ExplainDocumentJson).ShouldNotBeNull();
        document.Cluster.Mode.ShouldBe("dual-stack");
        document.Cluster.ClusterDns.ShouldBe(["fd00:30::a", "10.96.0.10"]);
        document.Cluster.Services.ShouldBeNull();
        document.Nodes.Select(n => n.Name).ShouldBe(["cp1", "wk1"]);
        document.Nodes[1].ManagementAddresses.ShouldBe(["fd00:20::3/64", "10.192.0.3/16"]);
        document.Nodes[1].Routes.Select(r => (r.Destination, r.Via, r.Peer)).ShouldBe(
            [("fd00:40:0:0:2::/80", "fd00:20::2", "cp1"), ("10.244.2.0/24", "10.192.0.2", "cp1")]);
    }

    [Fact]
    public void A_real_token_never_appears_in_text_or_json()
    {
        var plan = AddressPlan.For(TestClusters.Orca() with { Token = RealToken });
        var report = new ExplainReport(plan);

        foreach (var output in new[] { report.ToText(), report.ToJson() })
        {
            output.ShouldNotContain("p4v7wb2nm8r5t1yc");
            output.ShouldContain("k3x9qz.****************");
        }
    }

    [Fact]
    public void The_lab_token_is_masked_too()
    {
        var report = new ExplainReport(AddressPlan.For(TestClusters.Lab()));

        report.ToText().ShouldNotContain(Sixgill.Config.Cluster.LabToken);
        report.ToJson().ShouldNotContain(Sixgill.Config.Cluster.LabToken);
    }

    [Fact]
    public void Host_selects_one_node_and_keeps_the_cluster_block()
    {
        var report = new ExplainReport(AddressPlan.For(TestClusters.Lab()), host: "w2");
        var text = report.ToText();

        report.Nodes.Select(n => n.Name).ShouldBe(["w2"]);
        text.ShouldContain("node w2 (id 4, interface eth1, minion)\n");
        text.ShouldNotContain("node w1 ");
        text.ShouldContain("    fd00:20::3 w1\n");
        text.ShouldContain("services on gw ");
        JsonDocument.Parse(report.ToJson()).RootElement.GetProperty("nodes").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public void Rendering_is_deterministic()
    {
        var first = new ExplainReport(AddressPlan.For(TestClusters.Lab()));
        var second = new ExplainReport(AddressPlan.For(TestClusters.Lab()));

        second.ToText().ShouldBe(first.ToText());
        second.ToJson().ShouldBe(first.ToJson());
    }

    [Fact]
    public void A_big_cluster_counts_pod_routes_instead_of_listing_them_for_every_node()
    {
        var plan = AddressPlan.For(TestClusters.Large(ExplainReport.PodRouteListLimit + 1));
        var report = new ExplainReport(plan);

        report.ListsPodRoutes.ShouldBeFalse();
        var text = report.ToText();
        text.ShouldContain("  routes (up)           64 pod routes: each other cluster node's pod subnet via its management address\n");
        text.ShouldContain("(list them with --host minion-3)\n");
        text.ShouldNotContain("pod subnet of ");

        var node = JsonDocument.Parse(report.ToJson()).RootElement.GetProperty("nodes")[1];
        node.GetProperty("podRouteCount").GetInt32().ShouldBe(64);
        node.GetProperty("podRoutesListed").GetBoolean().ShouldBeFalse();
        node.GetProperty("routes").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public void Host_lists_every_pod_route_even_in_a_big_cluster()
    {
        var plan = AddressPlan.For(TestClusters.Large(5000));
        var report = new ExplainReport(plan, host: "minion-77");

        report.ListsPodRoutes.ShouldBeTrue();
        var lines = report.ToText().Split('\n');
        lines.Count(l => l.Contains("  pod subnet of ", StringComparison.Ordinal)).ShouldBe(4999);
        lines.ShouldContain(l => l.StartsWith("    fd00:40:0:0:2::/80 via fd00:20::2 dev eth0 ", StringComparison.Ordinal)
            && l.EndsWith(" pod subnet of my-master", StringComparison.Ordinal));
    }
}
