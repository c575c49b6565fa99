using System.Net;
using System.Text.Json;
using Sixgill.Addressing;
using Sixgill.Config;
using Sixgill.Kube;
using Sixgill.Tests.Addressing;

namespace Sixgill.Tests.Kube;

public sealed class CniConfigTests
{
    private static T Of<T>(Cluster cluster, string node, Func<AddressPlan, NodeAddresses, T> render)
    {
        var plan = AddressPlan.For(cluster);
        return render(plan, plan[node]);
    }

    private static string Render(Cluster cluster, string node) => Of(cluster, node, CniConfig.Render);

    private static JsonDocument Parse(Cluster cluster, string node) => JsonDocument.Parse(Render(cluster, node));

    private static JsonElement Plugin(JsonDocument json, int index) => json.RootElement.GetProperty("plugins")[index];

    private static (IPAddress Network, int Length) Cidr(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var address = IPAddress.Parse(text[..slash]);
        IPNetwork.Parse(text).BaseAddress.ShouldBe(address, "a subnet has no host bits");
        return (address, int.Parse(text[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static IReadOnlyList<JsonElement> Ranges(JsonElement plugin) =>
        [.. plugin.GetProperty("ipam").GetProperty("ranges").EnumerateArray().Select(set => set.EnumerateArray().Single())];

    [Fact]
    public void The_list_is_cni_1_0_0_named_sixgill_with_bridge_portmap_loopback()
    {
        using var json = Parse(TestClusters.Lab(), "w1");

        json.RootElement.GetProperty("cniVersion").GetString().ShouldBe("1.0.0");
        json.RootElement.GetProperty("name").GetString().ShouldBe("sixgill");
        json.RootElement.GetProperty("plugins").EnumerateArray().Select(p => p.GetProperty("type").GetString())
            .ShouldBe(["bridge", "portmap", "loopback"]);
        Plugin(json, 1).GetProperty("capabilities").GetProperty("portMappings").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void Ipv6_bridge_is_the_gateway_with_hairpin_and_no_masquerade()
    {
        using var json = Parse(TestClusters.Lab(), "w1");
        var bridge = Plugin(json, 0);

        bridge.GetProperty("bridge").GetString().ShouldBe("cni0");
        bridge.GetProperty("isGateway").GetBoolean().ShouldBeTrue();
        bridge.GetProperty("hairpinMode").GetBoolean().ShouldBeTrue();
        bridge.GetProperty("ipMasq").GetBoolean().ShouldBeFalse();
        bridge.TryGetProperty("mtu", out _).ShouldBeFalse("no mtu unless pod_net.mtu is set");
    }

    [Fact]
    public void Ipv6_node_hands_out_its_own_pod_subnet_with_a_default_route()
    {
        using var json = Parse(TestClusters.Lab(), "w1");
        var ipam = Plugin(json, 0).GetProperty("ipam");

        ipam.GetProperty("type").GetString().ShouldBe("host-local");
        var range = Ranges(Plugin(json, 0)).ShouldHaveSingleItem();

        // Compared as parsed values: fd00:40:0:0:3::/80 prints in more than one way.
        Cidr(range.GetProperty("subnet").GetString()!).ShouldBe((IPAddress.Parse("fd00:40:0:0:3::"), 80));
        IPAddress.Parse(range.GetProperty("gateway").GetString()!).ShouldBe(IPAddress.Parse("fd00:40:0:0:3::1"));
        ipam.GetProperty("routes").EnumerateArray().Select(r => r.GetProperty("dst").GetString()).ShouldBe(["::/0"]);
    }

    [Theory]
    [InlineData("gw", "fd00:40:0:0:2::")]
    [InlineData("w1", "fd00:40:0:0:3::")]
    [InlineData("w2", "fd00:40:0:0:4::")]
    public void Each_node_gets_the_subnet_of_its_id(string node, string network)
    {
        using var json = Parse(TestClusters.Lab(), node);

        Cidr(Ranges(Plugin(json, 0)).Single().GetProperty("subnet").GetString()!).ShouldBe((IPAddress.Parse(network), 80));
    }

    [Fact]
    public void Dual_stack_has_one_range_set_and_one_default_route_per_family_ipv6_first()
    {
        using var json = Parse(TestClusters.DualStack(), "wk1");
        var ranges = Ranges(Plugin(json, 0));

        ranges.Count.ShouldBe(2);
        Cidr(ranges[0].GetProperty("subnet").GetString()!).ShouldBe((IPAddress.Parse("fd00:40:0:0:3::"), 80));
        IPAddress.Parse(ranges[0].GetProperty("gateway").GetString()!).ShouldBe(IPAddress.Parse("fd00:40:0:0:3::1"));
        Cidr(ranges[1].GetProperty("subnet").GetString()!).ShouldBe((IPAddress.Parse("10.244.3.0"), 24));
        IPAddress.Parse(ranges[1].GetProperty("gateway").GetString()!).ShouldBe(IPAddress.Parse("10.244.3.1"));
        Plugin(json, 0).GetProperty("ipam").GetProperty("routes").EnumerateArray().Select(r => r.GetProperty("dst").GetString())
            .ShouldBe(["::/0", "0.0.0.0/0"]);
        Plugin(json, 0).GetProperty("ipMasq").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public void Ptp_variant_has_no_bridge_settings()
    {
        using var json = Parse(TestClusters.Ipv4(), "wk1");
        var ptp = Plugin(json, 0);

        ptp.GetProperty("type").GetString().ShouldBe("ptp");
        ptp.TryGetProperty("bridge", out _).ShouldBeFalse();
        ptp.TryGetProperty("isGateway", out _).ShouldBeFalse();
        ptp.TryGetProperty("hairpinMode", out _).ShouldBeFalse();
        ptp.GetProperty("ipMasq").GetBoolean().ShouldBeFalse();
        Cidr(Ranges(ptp).Single().GetProperty("subnet").GetString()!).ShouldBe((IPAddress.Parse("10.244.11.0"), 24));
        ptp.GetProperty("ipam").GetProperty("routes").EnumerateArray().Select(r => r.GetProperty("dst").GetString()).ShouldBe(["0.0.0.0/0"]);
        json.RootElement.GetProperty("plugins").EnumerateArray().Select(p => p.GetProperty("type").GetString())
            .ShouldBe(["ptp", "portmap", "loopback"]);
    }

    [Theory]
    [InlineData(CniPluginName.Bridge)]
    [InlineData(CniPluginName.Ptp)]
    public void The_mtu_is_written_when_set(CniPluginName plugin)
    {
        var lab = TestClusters.Lab();
        lab = lab with
        {
            Plugin = plugin == CniPluginName.Bridge ? CniPlugin.Bridge : CniPlugin.Ptp,
            PodNet = lab.PodNet with { Mtu = 1400 },
        };
        using var json = Parse(lab, "w1");

        Plugin(json, 0).GetProperty("mtu").GetInt32().ShouldBe(1400);
    }

    [Fact]
    public void The_file_is_the_same_every_time_with_unix_line_ends()
    {
        var text = Render(TestClusters.DualStack(), "cp1");

        text.ShouldBe(Render(TestClusters.DualStack(), "cp1"));
        text.ShouldNotContain("\r");
        text.ShouldEndWith("}\n");
    }

    [Fact]
    public void The_lab_minion_file_reads_as_expected()
    {
        Render(TestClusters.Lab(), "w1").ShouldBe("""
            {
              "cniVersion": "1.0.0",
              "name": "sixgill",
              "plugins": [
                {
                  "type": "bridge",
                  "bridge": "cni0",
                  "isGateway": true,
                  "hairpinMode": true,
                  "ipMasq": false,
                  "ipam": {
                    "type": "host-local",
                    "ranges": [
                      [
                        {
                          "subnet": "fd00:40:0:0:3::/80",
                          "gateway": "fd00:40::3:0:0:1"
                        }
                      ]
                    ],
                    "routes": [
                      {
                        "dst": "::/0"
                      }
                    ]
                  }
                },
                {
                  "type": "portmap",
                  "capabilities": {
                    "portMappings": true
                  }
                },
                {
                  "type": "loopback"
                }
              ]
            }

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_node_without_a_pod_subnet_gets_no_cni_config()
    {
        var lab = TestClusters.Lab().WithServiceOnlyNode("gw2", 5);

        Should.Throw<InvalidOperationException>(() => Render(lab, "gw2")).Message.ShouldContain("neither master nor minion");
    }

    // The plugin enum is internal: tests name it through their own public one.
    public enum CniPluginName
    {
        Bridge,
        Ptp,
    }
}
