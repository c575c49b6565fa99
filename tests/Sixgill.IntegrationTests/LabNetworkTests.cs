using System.Text.Json;
using Sixgill.Host.Network;
using Sixgill.Host.Processes;
using Sixgill.Lab;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>
/// What a lab's network is, read back with <c>ip -j</c> in each of its namespaces: the lab makes
/// it over rtnetlink from inside the process, so these are the checks that it made what the
/// equivalent <c>ip</c> commands would have.
/// </summary>
public sealed class LabNetworkTests(ThreeNodeLabFixture fixture) : IClassFixture<ThreeNodeLabFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Lab)]
    public void A_namespace_thread_runs_its_work_in_the_lab_namespace_refuses_the_machines_own_and_hands_back_any_failure()
    {
        var switchPath = LabNames.NetnsPath(fixture.Lab.Switch.Name);
        var before = NetworkNamespaceThread.CurrentInode();

        var inside = NetworkNamespaceThread.Run(switchPath, NetworkNamespaceThread.CurrentInode);
        inside.ShouldNotBe(before);

        var ran = false;
        Should.Throw<InvalidOperationException>(() => NetworkNamespaceThread.Run("/proc/self/ns/net", () => ran = true))
            .Message.ShouldContain("process's own");
        ran.ShouldBeFalse();

        // Any failure of the work comes back to the caller (an exception left on the thread would end the process).
        Should.Throw<ArgumentException>(() => NetworkNamespaceThread.Run<int>(switchPath, () => throw new ArgumentException("the work's own failure")))
            .Message.ShouldBe("the work's own failure");
        NetworkNamespaceThread.CurrentInode().ShouldBe(before);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task The_switch_is_a_bridge_up_with_every_nodes_port_up_in_it()
    {
        var lab = fixture.Lab;
        var links = await LinksAsync(lab.Switch.Name);

        var bridge = links.Single(l => l.Name == LabLayout.Bridge);
        bridge.Kind.ShouldBe("bridge");
        bridge.Flags.ShouldContain("UP");
        links.Single(l => l.Name == "lo").Flags.ShouldContain("UP");
        foreach (var node in lab.Nodes)
        {
            var port = links.Single(l => l.Name == node.Layout.SwitchPort);
            port.Kind.ShouldBe("veth");
            port.Master.ShouldBe(LabLayout.Bridge);
            port.Flags.ShouldContain("UP");
        }

        links.Select(l => l.Name).OrderBy(n => n, StringComparer.Ordinal)
            .ShouldBe(new[] { "lo", LabLayout.Bridge }.Concat(lab.Nodes.Select(n => n.Layout.SwitchPort)).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Every_node_has_loopback_and_its_switch_link_up_with_its_stable_address_and_no_duplicate_address_detection()
    {
        var lab = fixture.Lab;
        foreach (var node in lab.Nodes)
        {
            var links = await LinksAsync(node.Namespace);
            links.Single(l => l.Name == "lo").Flags.ShouldContain("UP");
            var link = links.Single(l => l.Name == node.Interface);
            link.Kind.ShouldBe("veth");
            link.Flags.ShouldContain("UP");
            link.Mac.ShouldBe(LabSetupScript.StableMac(node.Namespace, node.Interface));
            link.PeerInAnotherNamespace.ShouldBeTrue("the other end is the node's port on the switch");
            (await SysctlAsync(node.Namespace, "net/ipv6/conf/all/accept_dad")).ShouldBe("0");
            (await SysctlAsync(node.Namespace, "net/ipv6/conf/default/accept_dad")).ShouldBe("0");
            (await SysctlAsync(node.Namespace, $"net/ipv6/conf/{node.Interface}/accept_dad")).ShouldBe("0", "a link made after the default inherits it");
        }
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task The_gateways_uplink_has_its_address_and_default_route_and_the_internet_its_three_addresses_IPv4_only()
    {
        var lab = fixture.Lab;
        var uplink = lab.Layout.Uplink.ShouldNotBeNull();
        var gateway = lab.Gateway.ShouldNotBeNull();

        var gatewayLink = (await LinksAsync(gateway.Namespace)).Single(l => l.Name == uplink.GatewayInterface);
        gatewayLink.Flags.ShouldContain("UP");
        gatewayLink.Mac.ShouldBe(LabSetupScript.StableMac(gateway.Namespace, uplink.GatewayInterface));
        (await AddressesAsync(gateway.Namespace, uplink.GatewayInterface, "-4")).ShouldBe([$"{LabInternet.GatewayUplink}/{LabInternet.PrefixLength}"]);
        var routes = await IpJsonAsync(gateway.Namespace, "-4", "route", "show", "default");
        routes.EnumerateArray().Select(r => $"{r.GetProperty("dst").GetString()} via {r.GetProperty("gateway").GetString()} dev {r.GetProperty("dev").GetString()}")
            .ShouldBe([$"default via {LabInternet.Router} dev {uplink.GatewayInterface}"]);

        var internet = lab.Internet.ShouldNotBeNull();
        var internetLink = (await LinksAsync(internet.Name)).Single(l => l.Name == uplink.InternetInterface);
        internetLink.Flags.ShouldContain("UP");
        (await AddressesAsync(internet.Name, uplink.InternetInterface, "-4")).Order(StringComparer.Ordinal)
            .ShouldBe(LabInternet.InternetAddresses.Select(a => $"{a}/{LabInternet.PrefixLength}").Order(StringComparer.Ordinal));
        (await AddressesAsync(internet.Name, uplink.InternetInterface, "-6")).ShouldBeEmpty();
        (await SysctlAsync(internet.Name, "net/ipv6/conf/all/disable_ipv6")).ShouldBe("1");
        (await SysctlAsync(internet.Name, "net/ipv6/conf/default/disable_ipv6")).ShouldBe("1");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_lab_whose_internet_is_on_the_switch_gives_it_the_router_address_and_every_node_an_onlink_default_route()
    {
        LabRequirements.Require();
        const string router = "10.192.255.254/16";
        await using var lab = await TestLabs.CreateAsync(new LabSpec(TestLabs.NextName(), [new("w1", "eth1"), new("w2", "eth1")], WithInternet: true, Router: router));
        var uplink = lab.Layout.Uplink.ShouldNotBeNull();

        var port = (await LinksAsync(lab.Switch.Name)).Single(l => l.Name == LabLayout.SwitchInternetPort);
        port.Master.ShouldBe(LabLayout.Bridge);
        (await AddressesAsync(lab.Internet.ShouldNotBeNull().Name, uplink.InternetInterface, "-4")).ShouldContain(router);
        foreach (var node in lab.Nodes)
        {
            var routes = await IpJsonAsync(node.Namespace, "-4", "route", "show", "default");
            var route = routes.EnumerateArray().Single();
            route.GetProperty("gateway").GetString().ShouldBe("10.192.255.254");
            route.GetProperty("dev").GetString().ShouldBe(node.Interface);
            route.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).ShouldContain("onlink");
        }
    }

    private sealed record Link(string Name, string? Kind, IReadOnlyList<string> Flags, string? Master, string? Mac, bool PeerInAnotherNamespace);

    private static async Task<List<Link>> LinksAsync(string ns)
    {
        var json = await IpJsonAsync(ns, "-d", "link", "show");
        return [.. json.EnumerateArray().Select(l => new Link(
            l.GetProperty("ifname").GetString()!,
            l.TryGetProperty("linkinfo", out var info) && info.TryGetProperty("info_kind", out var kind) ? kind.GetString() : null,
            [.. l.GetProperty("flags").EnumerateArray().Select(f => f.GetString()!)],
            l.TryGetProperty("master", out var master) ? master.GetString() : null,
            l.TryGetProperty("address", out var mac) ? mac.GetString() : null,
            l.TryGetProperty("link_netnsid", out _)))];
    }

    private static async Task<List<string>> AddressesAsync(string ns, string link, string family)
    {
        var json = await IpJsonAsync(ns, family, "address", "show", "dev", link);
        return [.. json.EnumerateArray().SelectMany(l => l.GetProperty("addr_info").EnumerateArray())
            .Select(a => $"{a.GetProperty("local").GetString()}/{a.GetProperty("prefixlen").GetInt32()}")];
    }

    private static async Task<JsonElement> IpJsonAsync(string ns, params string[] command)
    {
        var result = await new ProcessRunner().RunCheckedAsync(["ip", "-j", "-n", ns, .. command], Cancel);
        return JsonDocument.Parse(result.StandardOutput).RootElement.Clone();
    }

    private static async Task<string> SysctlAsync(string ns, string key) =>
        (await new ProcessRunner().RunCheckedAsync(NamespaceCommand.InNetwork(ns, ["cat", "/proc/sys/" + key]), Cancel)).StandardOutput.Trim();
}
