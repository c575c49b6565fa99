using Sixgill.Host.Network;
using Sixgill.Machine;
using Sixgill.Tests.Engine.Fakes;
using Sixgill.Values;

namespace Sixgill.Tests.Host;

/// <summary>The iproute2 adapter against output captured from a real <c>ip -j</c> (iproute2 6.1) in a scratch namespace.</summary>
public sealed class KernelNetworkTests
{
    private const string Link = """[{"ifindex":2,"ifname":"br0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"noqueue","operstate":"UNKNOWN","linkmode":"DEFAULT","group":"default","txqlen":1000,"link_type":"ether","address":"3e:0c:f1:ee:66:b9","broadcast":"ff:ff:ff:ff:ff:ff"}]""";

    private const string DownLink = """[{"ifindex":3,"ifname":"eth1","flags":["BROADCAST","MULTICAST"],"mtu":1500,"operstate":"DOWN"}]""";

    private const string TentativeAddresses = """[{"ifindex":2,"ifname":"br0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"addr_info":[{"family":"inet","local":"10.20.0.2","prefixlen":24,"scope":"global","label":"br0","valid_life_time":4294967295,"preferred_life_time":4294967295},{"family":"inet6","local":"fd00:20::2","prefixlen":64,"scope":"global","tentative":true,"valid_life_time":4294967295,"preferred_life_time":4294967295},{"family":"inet6","local":"fe80::3c0c:f1ff:feee:66b9","prefixlen":64,"scope":"link","tentative":true,"valid_life_time":4294967295,"preferred_life_time":4294967295}]}]""";

    private const string UsableAddresses = """[{"ifindex":2,"ifname":"br0","addr_info":[{"family":"inet6","local":"fd00:20::2","prefixlen":64,"scope":"global","valid_life_time":4294967295,"preferred_life_time":4294967295}]}]""";

    private const string DadFailed = """[{"ifindex":2,"ifname":"br0","addr_info":[{"family":"inet6","local":"fd00:20::2","prefixlen":64,"scope":"global","tentative":true,"dadfailed":true}]}]""";

    private const string Routes6 = """[{"dst":"fd00:10::/64","gateway":"fd00:20::3","dev":"br0","metric":1024,"flags":[],"pref":"medium"},{"dst":"fd00:10:64:ff9b::/96","dev":"br0","metric":1024,"flags":[],"pref":"medium"},{"dst":"fd00:10::200","dev":"br0","metric":1024,"flags":[],"pref":"medium"},{"dst":"default","gateway":"fd00::1","dev":"eth0","metric":1024,"flags":[],"pref":"medium"}]""";

    private const string Routes4 = """[{"dst":"10.20.0.0/24","dev":"br0","protocol":"kernel","scope":"link","prefsrc":"10.20.0.2","flags":[]},{"dst":"10.99.0.0/16","gateway":"10.20.0.1","dev":"br0","flags":[]}]""";

    [Fact]
    public void Links_are_read_with_their_administrative_state()
    {
        IpJson.Link(Link).ShouldBe(new LinkState("br0", true));
        IpJson.Link(DownLink).ShouldBe(new LinkState("eth1", false));
        IpJson.Link("[]").ShouldBeNull();
    }

    [Fact]
    public void Addresses_are_read_with_their_length_and_DAD_state()
    {
        IpJson.Addresses(TentativeAddresses).ShouldBe(
        [
            new AddressState(InterfaceAddress.Parse("10.20.0.2/24"), false, false),
            new AddressState(InterfaceAddress.Parse("fd00:20::2/64"), true, false),
            new AddressState(InterfaceAddress.Parse("fe80::3c0c:f1ff:feee:66b9/64"), true, false),
        ]);
    }

    [Fact]
    public void Routes_are_read_with_default_and_host_routes_made_whole()
    {
        IpJson.Routes(Routes6, IpFamily.V6).ShouldBe(
        [
            new KernelRoute(Prefix.Parse("fd00:10::/64"), Ip.Parse("fd00:20::3"), "br0"),
            new KernelRoute(Prefix.Parse("fd00:10:64:ff9b::/96"), null, "br0"),
            new KernelRoute(Prefix.Parse("fd00:10::200/128"), null, "br0"),
            new KernelRoute(Prefix.Parse("::/0"), Ip.Parse("fd00::1"), "eth0"),
        ]);
        IpJson.Routes(Routes4, IpFamily.V4)[1].ShouldBe(new KernelRoute(Prefix.Parse("10.99.0.0/16"), Ip.Parse("10.20.0.1"), "br0"));
    }

    [Fact]
    public void A_missing_link_is_null_and_other_failures_are_errors()
    {
        var runner = new FakeProcessRunner()
            .Then("", 1, "Device \"nosuch\" does not exist.\n")
            .Then("", 255, "Cannot open netlink socket: Permission denied\n");
        var network = new KernelNetwork(runner);

        network.FindLink("nosuch").ShouldBeNull();
        Should.Throw<ProcessFailedException>(() => network.FindLink("eth0")).Message.ShouldContain("Permission denied");
        runner.Commands[0].ShouldBe("ip -j address show dev nosuch");
    }

    [Fact]
    public void Changes_are_single_argv_commands_with_replace_verbs()
    {
        var runner = new FakeProcessRunner();
        var network = new KernelNetwork(runner);

        network.AddAddress("eth0", InterfaceAddress.Parse("fd00:20::2/64"));
        network.DeleteAddress("eth0", InterfaceAddress.Parse("10.20.0.2/24"));
        network.SetLinkUp("eth0", true);
        network.ReplaceRoute(new KernelRoute(Prefix.Parse("fd00:10::/64"), Ip.Parse("fd00:20::3"), "eth0"));
        network.ReplaceRoute(new KernelRoute(Prefix.Parse("fd00:10:64:ff9b::/96"), null, "nat64"));
        network.DeleteRoute(new KernelRoute(Prefix.Parse("172.18.0.128/25"), Ip.Parse("172.18.0.200"), null));

        runner.Commands.ShouldBe(
        [
            "ip -6 address replace fd00:20::2/64 dev eth0",
            "ip -4 address del 10.20.0.2/24 dev eth0",
            "ip link set dev eth0 up",
            "ip -6 route replace fd00:10::/64 via fd00:20::3 dev eth0",
            "ip -6 route replace fd00:10:64:ff9b::/96 dev nat64",
            "ip -4 route del 172.18.0.128/25 via 172.18.0.200",
        ]);
    }

    [Fact]
    public void Routes_to_a_destination_are_those_of_the_main_table_with_exactly_that_prefix()
    {
        var runner = new FakeProcessRunner().Then(Routes6);
        var network = new KernelNetwork(runner);

        network.RoutesTo(Prefix.Parse("fd00:10::/64")).Single().Via.ShouldBe(Ip.Parse("fd00:20::3"));
        network.RoutesTo(Prefix.Parse("fd00:10::/96")).ShouldBeEmpty();
        network.RoutesTo(Prefix.Parse("::/0")).Single().Device.ShouldBe("eth0");

        runner.Commands.ShouldBe(["ip -j -6 route show table main"]);
    }

    [Fact]
    public void Reads_are_cached_until_the_next_change()
    {
        var runner = new FakeProcessRunner().Then(TentativeAddresses).Then(Routes6).Then("").Then(UsableAddresses).Then(Routes6);
        var network = new KernelNetwork(runner);

        network.FindLink("br0").ShouldBe(new LinkState("br0", true));
        network.Addresses("br0").Count.ShouldBe(3);
        network.RoutesTo(Prefix.Parse("fd00:10::/64")).Count.ShouldBe(1);
        network.RoutesTo(Prefix.Parse("fd00:10::200/128")).Count.ShouldBe(1);
        network.ReplaceRoute(new KernelRoute(Prefix.Parse("fd00:10::/64"), Ip.Parse("fd00:20::3"), "br0"));
        network.Addresses("br0").Count.ShouldBe(1);
        network.RoutesTo(Prefix.Parse("fd00:10::/64")).Count.ShouldBe(1);

        runner.Commands.ShouldBe(
        [
            "ip -j address show dev br0",
            "ip -j -6 route show table main",
            "ip -6 route replace fd00:10::/64 via fd00:20::3 dev br0",
            "ip -j address show dev br0",
            "ip -j -6 route show table main",
        ]);
    }

    [Fact]
    public void Waiting_for_an_address_polls_until_it_is_no_longer_tentative()
    {
        var runner = new FakeProcessRunner().Then(TentativeAddresses).Then(TentativeAddresses).Then(UsableAddresses);

        new KernelNetwork(runner).WaitUntilUsable("br0", InterfaceAddress.Parse("fd00:20::2/64"), TimeSpan.FromSeconds(5));

        runner.Commands.Count.ShouldBe(3);
    }

    [Fact]
    public void An_address_that_failed_DAD_is_an_error_that_says_so()
    {
        var runner = new FakeProcessRunner().Then(DadFailed);

        Should.Throw<InvalidOperationException>(() => new KernelNetwork(runner).WaitUntilUsable("br0", InterfaceAddress.Parse("fd00:20::2/64"), TimeSpan.FromSeconds(5)))
            .Message.ShouldContain("duplicate address detection");
    }

    [Fact]
    public void An_address_still_tentative_at_the_timeout_is_an_error()
    {
        var runner = new FakeProcessRunner();
        for (var i = 0; i < 100; i++)
        {
            runner.Then(TentativeAddresses);
        }

        Should.Throw<TimeoutException>(() => new KernelNetwork(runner).WaitUntilUsable("br0", InterfaceAddress.Parse("fd00:20::2/64"), TimeSpan.FromMilliseconds(250)));
    }
}
