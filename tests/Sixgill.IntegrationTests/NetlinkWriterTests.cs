using System.Text.Json;
using Sixgill.Host.Network;
using Sixgill.Host.Processes;
using Sixgill.Lab;
using Sixgill.Machine;
using Sixgill.Values;

namespace Sixgill.IntegrationTests;

/// <summary>
/// Changes over rtnetlink, checked against what <c>ip -j</c> then shows: each change is made twice in
/// a lab node, once by <see cref="NetlinkWriter"/> and once by the <c>ip</c> command it stands for,
/// and the two results must read the same (flags, lifetimes, scope, protocol, metric); a refusal
/// must say what <c>ip</c> says.
/// </summary>
public sealed class NetlinkWriterTests : IAsyncLifetime
{
    private VirtualLab? lab;
    private RtNetlink? socket;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string Namespace => this.lab!.Nodes[0].Namespace;

    private NetlinkWriter Writer => new(this.socket!);

    public async ValueTask InitializeAsync()
    {
        if (LabRequirements.Missing().Count > 0)
        {
            return;
        }

        lab = await TestLabs.CreateAsync(new LabSpec(TestLabs.NextName(), [new LabNodeSpec("w1", "eth1")]));
        socket = RtNetlink.OpenIn(LabNames.NetnsPath(Namespace));
        foreach (var link in new[] { "nl0", "ip0" })
        {
            // A veth pair (lab kernels may lack the dummy module), both ends up: a link with carrier.
            await RunIp("link", "add", link, "type", "veth", "peer", "name", link + "p");
            await RunIp("link", "set", link, "up");
            await RunIp("link", "set", link + "p", "up");
        }
    }

    public async ValueTask DisposeAsync()
    {
        this.socket?.Dispose();
        if (this.lab is not null)
        {
            await this.lab.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("fd00:20::3/64", false)]
    [InlineData("fd00:20::4/64", true)]
    [InlineData("198.51.100.3/24", false)]
    [InlineData("2001:db8:5::1/128", true)]
    public async Task An_address_reads_as_the_same_address_added_by_ip(string text, bool withoutDad)
    {
        LabRequirements.Require();
        var address = InterfaceAddress.Parse(text);

        Writer.ReplaceAddress("nl0", address, withoutDad);
        await RunIp(IpSpelling.ReplaceAddress("ip0", address, withoutDad)[1..]);

        var ours = await AddressOf("nl0", address);
        var theirs = await AddressOf("ip0", address);
        ours.ShouldBe(theirs);
        ours.ShouldContain("\"valid_life_time\":4294967295");
        ours.ShouldContain("\"preferred_life_time\":4294967295");
        (ours.Contains("\"nodad\":true", StringComparison.Ordinal)).ShouldBe(withoutDad, ours);

        Writer.ReplaceAddress("nl0", address, withoutDad);
        (await AddressOf("nl0", address)).ShouldBe(ours, "replace is idempotent");
        Writer.DeleteAddress("nl0", address);
        (await Show("address", "show", "dev", "nl0")).ShouldNotContain($"\"local\":\"{address.Address}\"");
    }

    [Theory]
    [InlineData("fd00:10:64:ff9b::/96", "fd00:20::2", "fd00:11::/64")]
    [InlineData("fd00:10::/64", null, "fd00:12::/64")]
    [InlineData("198.51.100.0/25", "203.0.113.1", "198.51.100.128/25")]
    [InlineData("203.0.113.128/26", null, "203.0.113.192/26")]
    public async Task A_route_reads_as_the_same_route_added_by_ip(string destination, string? via, string twin)
    {
        LabRequirements.Require();
        await RunIp("address", "replace", "fd00:20::9/64", "dev", "nl0", "nodad");
        await RunIp("address", "replace", "203.0.113.9/24", "dev", "nl0");
        var route = new KernelRoute(Prefix.Parse(destination), via is null ? null : Ip.Parse(via), "nl0");
        var twinRoute = route with { Destination = Prefix.Parse(twin) };

        Writer.ReplaceRoute(route);
        await RunIp(IpSpelling.ReplaceRoute(twinRoute)[1..]);

        var ours = await RouteTo(route.Destination);
        var theirs = await RouteTo(twinRoute.Destination);
        ours.ShouldBe(theirs.Replace(twin, destination, StringComparison.Ordinal));
        ours.ShouldContain(route.Destination.Family == IpFamily.V6 ? "\"metric\":1024" : "\"protocol\":\"boot\"");

        Writer.ReplaceRoute(route);
        (await RouteTo(route.Destination)).ShouldBe(ours, "replace is idempotent");
        Writer.DeleteRoute(route);
        using var left = JsonDocument.Parse(await Show(route.Destination.Family == IpFamily.V6 ? "-6" : "-4", "route", "show", route.Destination.ToString()));
        left.RootElement.GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_bridge_is_made_brought_up_and_deleted_as_ip_does_it()
    {
        LabRequirements.Require();
        Writer.AddBridge("nlbr0");
        await RunIp("link", "add", "ipbr0", "type", "bridge");

        var ours = await Show("-d", "link", "show", "dev", "nlbr0");
        ours.ShouldContain("\"info_kind\":\"bridge\"");
        ours.ShouldContain("\"DOWN\"");

        Writer.SetLinkUp("nlbr0", true);
        (await Show("link", "show", "dev", "nlbr0")).ShouldContain("\"UP\"");
        Writer.SetLinkUp("nlbr0", false);
        (await Show("link", "show", "dev", "nlbr0")).ShouldNotContain("\"UP\"");

        Writer.DeleteLink("nlbr0");
        await RunIp("link", "delete", "dev", "ipbr0");
        (await Show("link", "show")).ShouldNotContain("br0");
    }

    [Fact]
    public async Task Links_deleted_together_all_go_and_no_other_link_is_touched()
    {
        LabRequirements.Require();
        Writer.AddBridge("nlbr1");
        Writer.AddBridge("nlbr2");
        await RunIp("tuntap", "add", "dev", "nltun0", "mode", "tun"); // a tun like TAYGA's, not made over rtnetlink
        await RunIp("link", "set", "dev", "nl0", "group", "7");

        Writer.DeleteLinks(["nltun0", "nlbr1"]);

        var links = await Show("link", "show");
        links.ShouldNotContain("\"nltun0\"");
        links.ShouldNotContain("\"nlbr1\"");
        (await Show("link", "show", "dev", "nlbr2")).ShouldContain("\"group\":\"default\"");
        (await Show("link", "show", "dev", "nl0")).ShouldContain("\"group\":\"7\"");
        Writer.DeleteLink("nlbr2");
        await RunIp("link", "set", "dev", "nl0", "group", "default");
    }

    [Fact]
    public async Task Links_deleted_together_with_one_missing_are_refused_as_ip_refuses_it_and_none_is_deleted()
    {
        LabRequirements.Require();
        Writer.AddBridge("nlbr3");

        var refusal = Should.Throw<NetworkChangeException>(() => Writer.DeleteLinks(["nlbr3", "nosuch0"]));

        refusal.Errno.ShouldBe(NetlinkRefusal.NoDevice);
        refusal.Message.ShouldBe($"'{CommandLine.Format(IpSpelling.DeleteLink("nosuch0"))}': Cannot find device \"nosuch0\"");
        (await Show("link", "show", "dev", "nlbr3")).ShouldContain("\"group\":\"default\"");
        Writer.DeleteLink("nlbr3");
    }

    [Fact]
    public async Task Links_the_kernel_cannot_delete_as_a_group_go_one_at_a_time_with_their_groups_put_back()
    {
        LabRequirements.Require();
        Writer.AddBridge("nlbr4");

        // lo has no rtnetlink operations: the kernel refuses a group holding it before deleting any.
        var refusal = Should.Throw<NetworkChangeException>(() => Writer.DeleteLinks(["nlbr4", "lo"]));

        refusal.Errno.ShouldBe(NetlinkRefusal.NotSupported);
        refusal.Message.ShouldBe($"'{CommandLine.Format(IpSpelling.DeleteLink("lo"))}': RTNETLINK answers: Operation not supported");
        (await Show("link", "show")).ShouldNotContain("\"nlbr4\"");
        (await Show("link", "show", "dev", "lo")).ShouldContain("\"group\":\"default\"");
    }

    [Fact]
    public async Task Links_deleted_together_without_CAP_NET_ADMIN_are_refused_as_ip_refuses_it_and_none_changes()
    {
        LabRequirements.Require();
        Writer.AddBridge("nlbr5");
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                Capabilities.DropAllOnThisThread();
                Writer.DeleteLinks(["nlbr5", "nl0"]);
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();

        var refusal = failure.ShouldBeOfType<NetworkChangeException>();
        refusal.Errno.ShouldBe(NetlinkRefusal.NotPermitted);
        refusal.Message.ShouldStartWith("'ip link set dev nlbr5 group ");
        refusal.Message.ShouldEndWith("': RTNETLINK answers: Operation not permitted (changing links, addresses and routes needs root: run with sudo)");
        (await Show("link", "show", "dev", "nlbr5")).ShouldContain("\"group\":\"default\"");
        (await Show("link", "show", "dev", "nl0")).ShouldContain("\"group\":\"default\"");
        Writer.DeleteLink("nlbr5");
    }

    [Fact]
    public async Task A_refusal_says_what_ip_says_for_the_same_change()
    {
        LabRequirements.Require();
        await RunIp("address", "replace", "fd00:20::9/64", "dev", "nl0", "nodad");
        var unreachable = new KernelRoute(Prefix.Parse("fd00:13::/64"), Ip.Parse("fd00:99::1"), "nl0");

        var cases = new (Action Change, string[] Command, int Errno)[]
        {
            (() => Writer.AddBridge("nl0"), IpSpelling.AddBridge("nl0"), NetlinkRefusal.Exists),
            (() => Writer.ReplaceAddress("nosuch0", InterfaceAddress.Parse("fd00:20::3/64"), false), IpSpelling.ReplaceAddress("nosuch0", InterfaceAddress.Parse("fd00:20::3/64"), false), NetlinkRefusal.NoDevice),
            (() => Writer.DeleteLink("nosuch0"), IpSpelling.DeleteLink("nosuch0"), NetlinkRefusal.NoDevice),
            (() => Writer.DeleteRoute(unreachable with { Via = null }), IpSpelling.DeleteRoute(unreachable with { Via = null }), NetlinkRefusal.NoSuchEntry),
            (() => Writer.ReplaceRoute(unreachable), IpSpelling.ReplaceRoute(unreachable), 113), // EHOSTUNREACH
        };

        foreach (var (change, command, errno) in cases)
        {
            var refusal = Should.Throw<NetworkChangeException>(change);
            var ip = await new ProcessRunner().RunAsync(["ip", "-n", Namespace, .. command[1..]], Cancel);

            ip.ExitCode.ShouldNotBe(0);
            refusal.Errno.ShouldBe(errno, refusal.Message);
            refusal.Message.ShouldStartWith($"'{CommandLine.Format(command)}': ");
            var ipSays = ip.StandardError.Trim();
            refusal.Message.ShouldContain(ipSays.StartsWith("Error: ", StringComparison.Ordinal) ? ipSays.TrimEnd('.') : ipSays, Case.Sensitive, $"ip said: {ipSays}");
        }
    }

    [Fact]
    public void Without_CAP_NET_ADMIN_the_refusal_says_to_run_as_root()
    {
        LabRequirements.Require();
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            // Capabilities are per thread: this one alone gives up CAP_NET_ADMIN, then asks.
            try
            {
                Capabilities.DropAllOnThisThread();
                Writer.AddBridge("nlbr1");
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();

        var refusal = failure.ShouldBeOfType<NetworkChangeException>();
        refusal.Errno.ShouldBe(NetlinkRefusal.NotPermitted);
        refusal.Message.ShouldBe("'ip link add nlbr1 type bridge': RTNETLINK answers: Operation not permitted (changing links, addresses and routes needs root: run with sudo)");
    }

    private async Task<string> AddressOf(string link, InterfaceAddress address)
    {
        using var json = JsonDocument.Parse(await Show("address", "show", "dev", link));
        var info = json.RootElement[0].GetProperty("addr_info").EnumerateArray()
            .Single(a => a.GetProperty("local").GetString() == address.Address.ToString());
        // The label of an IPv4 address is its link's name: the one field that must differ.
        return JsonSerializer.Serialize(info).Replace($"\"label\":\"{link}\"", "\"label\":\"LINK\"", StringComparison.Ordinal);
    }

    private async Task<string> RouteTo(Prefix destination)
    {
        using var json = JsonDocument.Parse(await Show("-d", destination.Family == IpFamily.V6 ? "-6" : "-4", "route", "show", destination.ToString()));
        return JsonSerializer.Serialize(json.RootElement.EnumerateArray().Single());
    }

    private async Task<string> Show(params string[] arguments) =>
        (await new ProcessRunner().RunCheckedAsync(["ip", "-j", "-n", Namespace, .. arguments], Cancel)).StandardOutput.Trim();

    private Task<ProcessResult> RunIp(params string[] arguments) => new ProcessRunner().RunCheckedAsync(["ip", "-n", Namespace, .. arguments], Cancel);
}
