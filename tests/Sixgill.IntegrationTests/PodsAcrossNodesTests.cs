using Sixgill.Lab;
using Sixgill.Values;

namespace Sixgill.IntegrationTests;

/// <summary>
/// Pods on two nodes, made by the real CNI plugins from the config <c>up</c> wrote, reach each other
/// through the pod routes <c>up</c> added — no Kubernetes, the plugins run as a runtime would run them.
/// </summary>
public sealed class PodsAcrossNodesTests
{
    /// <summary>A dual-stack lab with lab addresses only: node n's IPv4 pods get 198.51.100.4n/30.</summary>
    internal const string DualStack = """
        general:
          mode: dual-stack
          plugin: bridge
          insecure: true
        topology:
          gw:
            interface: eth1
            opmodes: "master"
            id: 2
          w1:
            interface: eth1
            opmodes: "minion"
            id: 3
          w2:
            interface: eth1
            opmodes: "minion"
            id: 4
        mgmt_net:
          cidr: "fd00:20::/64"
          cidr2: "203.0.113.0/25"
        pod_net:
          cidr: "fd00:40::/64"
          node_size: 80
          cidr2: "198.51.100.0/22"
        service_net:
          cidr: "fd00:30::/110"
          cidr2: "203.0.113.128/25"

        """;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory(Timeout = TestTimeouts.Lab)]
    [InlineData("bridge")]
    [InlineData("ptp")]
    public async Task A_pod_on_w1_pings_a_pod_on_w2_over_IPv6_through_the_pod_routes(string plugin)
    {
        PodsCni.Require();
        await using var lab = await UpAsync(PrepareLab.ThreeNodesAsync(config => config.Replace("plugin: bridge", $"plugin: {plugin}", StringComparison.Ordinal)), gatewayAddress: true);
        var (w1, w2) = (lab.Node("w1"), lab.Node("w2"));

        var (pod1, pod2) = (await lab.Lab.AddNamespaceAsync("pod1", Cancel), await lab.Lab.AddNamespaceAsync("pod2", Cancel));
        var address1 = (await PodsCni.AddAsync(w1, (await UpDownLab.ReadAsync(w1, "/etc/cni/net.d/00-sixgill.conflist"))!, pod1)).ShouldHaveSingleItem();
        var address2 = (await PodsCni.AddAsync(w2, (await UpDownLab.ReadAsync(w2, "/etc/cni/net.d/00-sixgill.conflist"))!, pod2)).ShouldHaveSingleItem();

        Prefix.Parse("fd00:40:0:0:3::/80").Contains(address1).ShouldBeTrue(address1.ToString());
        Prefix.Parse("fd00:40:0:0:4::/80").Contains(address2).ShouldBeTrue(address2.ToString());
        await ShouldPingAsync(pod1, address2);
        await ShouldPingAsync(pod2, address1);

        // Without Sixgill's pod route on w1 the same ping fails: the routes are what carries it.
        (await w1.RunAsync(["ip", "-6", "route", "del", "fd00:40:0:0:4::/80"], Cancel)).EnsureSuccess();
        (await pod1.RunAsync(["ping", "-6", "-c", "1", "-W", "1", address2.ToString()], Cancel)).ExitCode.ShouldNotBe(0);
        (await w1.RunAsync(["ip", "-6", "route", "replace", "fd00:40:0:0:4::/80", "via", "fd00:20::4", "dev", "eth1"], Cancel)).EnsureSuccess();

        var down = await lab.SudoSixgillAsync(w1, "down");
        down.ExitCode.ShouldBe(0, down.StandardError);
        (await UpDownLab.HasLinkAsync(w1, "cni0")).ShouldBeFalse("down removes the bridge its plugin made");

        // Sixgill's routes to the other nodes' pod subnets are gone; ptp's own host route to its pod is the plugin's.
        (await UpDownLab.RoutesAsync(w1)).ShouldNotContain(r => r.StartsWith("fd00:40:", StringComparison.Ordinal) && r.Contains("/80 via ", StringComparison.Ordinal));
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Dual_stack_pods_reach_each_other_in_both_families()
    {
        PodsCni.Require();
        await using var lab = await UpAsync(PrepareLab.CreateAsync("lab.yaml", name => TestLabs.ThreeNodes(name, withInternet: false), _ => DualStack), gatewayAddress: false);
        var (w1, w2) = (lab.Node("w1"), lab.Node("w2"));

        var (pod1, pod2) = (await lab.Lab.AddNamespaceAsync("pod1", Cancel), await lab.Lab.AddNamespaceAsync("pod2", Cancel));
        var addresses1 = await PodsCni.AddAsync(w1, (await UpDownLab.ReadAsync(w1, "/etc/cni/net.d/00-sixgill.conflist"))!, pod1);
        var addresses2 = await PodsCni.AddAsync(w2, (await UpDownLab.ReadAsync(w2, "/etc/cni/net.d/00-sixgill.conflist"))!, pod2);

        addresses1.Select(a => a.Family).ShouldBe([IpFamily.V6, IpFamily.V4], ignoreOrder: true);
        addresses1.Single(a => a.Family == IpFamily.V4).ShouldBe(Ip.Parse("198.51.100.14"));
        addresses2.Single(a => a.Family == IpFamily.V4).ShouldBe(Ip.Parse("198.51.100.18"));
        Prefix.Parse("fd00:40:0:0:4::/80").Contains(addresses2.Single(a => a.Family == IpFamily.V6)).ShouldBeTrue();
        foreach (var address in addresses2)
        {
            await ShouldPingAsync(pod1, address);
        }

        foreach (var address in addresses1)
        {
            await ShouldPingAsync(pod2, address);
        }
    }

    /// <summary>The lab, w1 and w2 prepared and up (the master is not needed for pods to talk).</summary>
    private static async Task<PrepareLab> UpAsync(Task<PrepareLab> creating, bool gatewayAddress)
    {
        var lab = await creating;
        try
        {
            await lab.UseStandInAsync();
            if (gatewayAddress)
            {
                await lab.AddGatewayAddressAsync();
            }

            foreach (var node in new[] { lab.Node("w1"), lab.Node("w2") })
            {
                foreach (var command in new[] { "prepare", "up" })
                {
                    var result = await lab.SudoSixgillAsync(node, command);
                    result.ExitCode.ShouldBe(0, $"{command} {node.Name}: {result.StandardError}");
                }
            }

            return lab;
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
    }

    private static async Task ShouldPingAsync(LabNamespace pod, Ip address)
    {
        var ping = await pod.RunAsync(["ping", address.IsV6 ? "-6" : "-4", "-c", "1", "-W", "5", address.ToString()], Cancel);
        ping.ExitCode.ShouldBe(0, $"{pod.Name} → {address}: {ping.StandardOutput}{ping.StandardError}");
    }
}
