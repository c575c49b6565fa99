using System.Text.Json;

namespace Sixgill.IntegrationTests;

/// <summary><c>sixgill clean</c> after <c>prepare</c> of w1: the node exactly as before, people's changes kept.</summary>
public sealed class CleanTests
{
    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Clean_puts_hosts_and_resolv_conf_back_byte_for_byte_and_leaves_nothing_of_Sixgills()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        await lab.AddGatewayAddressAsync();
        var w1 = lab.Node("w1");
        var files = await FileFactsAsync(w1);
        var before = await PrepareNodeState.TakeAsync(w1);
        (await lab.SixgillAsync(w1, "prepare")).ExitCode.ShouldBe(0);
        (await FileFactsAsync(w1)).ShouldNotBe(files);

        var clean = await lab.SixgillAsync(w1, "clean");

        clean.ExitCode.ShouldBe(0, clean.StandardError);
        (await FileFactsAsync(w1)).ShouldBe(files);
        (await PrepareNodeState.TakeAsync(w1)).ShouldBe(before);
        (await PrepareLab.ShAsync(w1, "ip -j address show dev eth1")).ShouldNotContain("fd00:20::3");
        (await PrepareMinionTests.RoutesAsync(w1)).ShouldNotContain(r => r.Contains("via fd00:20::2", StringComparison.Ordinal));
        (await PrepareLab.ShAsync(w1, "ls /etc/sysctl.d")).ShouldNotContain("60-sixgill.conf");
        (await PrepareLab.ShAsync(w1, "test ! -e /etc/sixgill && echo gone")).Trim().ShouldBe("gone");
        (await PrepareLab.ShAsync(w1, "cat /proc/sys/net/ipv6/conf/all/forwarding")).Trim().ShouldBe("0");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task An_address_that_was_on_the_interface_before_prepare_is_still_there_after_clean()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        await lab.AddGatewayAddressAsync();
        var w1 = lab.Node("w1");
        await PrepareLab.ShAsync(w1, "ip address add fd00:20::3/64 dev eth1; ip address add 2001:db8:5::3/64 dev eth1");
        var before = await PrepareNodeState.TakeAsync(w1);

        var prepare = await lab.SixgillAsync(w1, "prepare", "--output", "json");
        using (var report = JsonDocument.Parse(prepare.StandardOutput))
        {
            var address = report.RootElement.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "address:eth1:fd00:20::3/64");
            address.GetProperty("applied").GetBoolean().ShouldBeFalse("it was already there");
        }

        (await lab.SixgillAsync(w1, "clean")).ExitCode.ShouldBe(0);

        (await PrepareNodeState.TakeAsync(w1)).ShouldBe(before);
        var addresses = await PrepareLab.ShAsync(w1, "ip -j address show dev eth1");
        addresses.ShouldContain("fd00:20::3");
        addresses.ShouldContain("2001:db8:5::3");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_hosts_line_a_person_adds_between_prepare_and_clean_survives_clean()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        await lab.AddGatewayAddressAsync();
        var w1 = lab.Node("w1");
        var original = await PrepareLab.ShAsync(w1, "cat /etc/hosts");
        (await lab.SixgillAsync(w1, "prepare")).ExitCode.ShouldBe(0);
        await PrepareLab.ShAsync(w1, "echo '2001:db8::80 web.lab.test web' >> /etc/hosts");

        (await lab.SixgillAsync(w1, "clean")).ExitCode.ShouldBe(0);

        (await PrepareLab.ShAsync(w1, "cat /etc/hosts")).ShouldBe(original + "2001:db8::80 web.lab.test web\n");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Clean_without_a_journal_undoes_what_the_probes_find_and_says_so()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        await lab.AddGatewayAddressAsync();
        var w1 = lab.Node("w1");
        var hosts = await PrepareLab.ShAsync(w1, "sha256sum /etc/hosts /etc/resolv.conf");
        (await lab.SixgillAsync(w1, "prepare")).ExitCode.ShouldBe(0);
        await PrepareLab.ShAsync(w1, "rm /var/lib/sixgill/journal.json");

        var clean = await lab.SixgillAsync(w1, "clean", "--output", "json");

        clean.ExitCode.ShouldBe(0, clean.StandardError);
        clean.StandardError.ShouldContain("no journal");
        using (var report = JsonDocument.Parse(clean.StandardOutput))
        {
            report.RootElement.GetProperty("fromJournal").GetBoolean().ShouldBeFalse();
        }

        (await PrepareLab.ShAsync(w1, "sha256sum /etc/hosts /etc/resolv.conf")).ShouldBe(hosts);
        (await PrepareLab.ShAsync(w1, "ip -j address show dev eth1")).ShouldNotContain("fd00:20::3");
        (await PrepareMinionTests.RoutesAsync(w1)).ShouldNotContain(r => r.Contains("via fd00:20::2", StringComparison.Ordinal));
        (await PrepareLab.ShAsync(w1, "test ! -e /etc/sixgill && test ! -e /etc/sysctl.d/60-sixgill.conf && echo gone")).Trim().ShouldBe("gone");
    }

    /// <summary>Content hash, mode and owner of the two files Sixgill edits in place.</summary>
    private static Task<string> FileFactsAsync(Lab.LabNode node) =>
        PrepareLab.ShAsync(node, "for f in /etc/hosts /etc/resolv.conf; do sha256sum $f; stat -c '%a %U:%G %F' $f; done");
}
