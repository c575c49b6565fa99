using System.Net;
using Sixgill.Gateway;
using Sixgill.Machine;

namespace Sixgill.Tests.Gateway;

public sealed class Dns64PortRuleTests
{
    private static readonly IPAddress Dns64 = IPAddress.Parse("fd00:10::100");

    private static PortListener Listener(string address, string program, int pid, string? unit = null, params string[] arguments) =>
        new("udp", IPAddress.Parse(address), 53, new RunningProgram(pid, program, null, arguments), unit);

    [Fact]
    public void The_archives_named_is_foreign_on_any_address_because_it_binds_each_new_one()
    {
        var named = Listener("::1", "named", 40, "named.service", "/usr/sbin/named", "-f", "-u", "bind");

        var foreign = Dns64PortRule.Foreign([named], Dns64, "/etc/sixgill/dns64/named.conf");

        foreign.ShouldBe([named]);
        var refusal = Dns64PortRule.Refusal(Dns64, foreign, []);
        refusal.ShouldContain("named.service (named, pid 40) holds [::1]:53/udp");
        refusal.ShouldContain("'systemctl disable --now named.service'");
        refusal.ShouldContain("nothing was changed");
    }

    [Fact]
    public void Sixgills_own_named_and_systemd_resolveds_stub_are_not_foreign()
    {
        var own = Listener("fd00:10::100", "named", 7, "sixgill-dns64.service", "/usr/sbin/named", "-c", "/etc/sixgill/dns64/named.conf");
        var stub = Listener("127.0.0.53", "systemd-resolve", 8, "systemd-resolved.service");

        Dns64PortRule.Foreign([own, stub], Dns64, "/etc/sixgill/dns64/named.conf").ShouldBeEmpty();
    }

    [Fact]
    public void Anything_on_the_address_or_a_wildcard_is_foreign_and_a_process_outside_units_is_named_by_pid()
    {
        var wildcard = Listener("::", "mydns", 9);
        var exact = Listener("fd00:10::100", "other", 10);
        var elsewhere = Listener("fd00:20::9", "other", 11);

        var foreign = Dns64PortRule.Foreign([wildcard, exact, elsewhere], Dns64, "/etc/sixgill/dns64/named.conf");

        foreign.ShouldBe([wildcard, exact]);
        Dns64PortRule.Refusal(Dns64, foreign, ["unbound.service"]).ShouldContain("stop process 9, stop process 10");
        Dns64PortRule.Refusal(Dns64, [], ["unbound.service"]).ShouldContain("unbound.service is enabled and takes every address at its next start");
    }

    [Fact]
    public void After_the_start_only_the_started_process_may_hold_the_address()
    {
        var own = Listener("fd00:10::100", "named", 7);
        var second = Listener("fd00:10::100", "named", 40, "named.service");

        Dns64PortRule.Others([own, second, Listener("::1", "named", 40)], Dns64, ownPid: 7).ShouldBe([second]);
    }

    [Theory]
    [InlineData("0100007F:0035", "127.0.0.1", 53)]
    [InlineData("00000000000000000000000001000000:0035", "::1", 53)]
    [InlineData("00000000000000000000000000000000:1F90", "::", 8080)]
    [InlineData("000000FD000000000000000000010000:0035", "fd00::100", 53)]
    public void Proc_net_endpoints_are_read_in_the_kernels_byte_order(string text, string address, int port)
    {
        PortListener.ParseEndpoint(text).ShouldBe((IPAddress.Parse(address), port));
    }
}
