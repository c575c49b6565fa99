using System.Globalization;
using System.Text.Json;
using Sixgill.Gateway;
using Sixgill.Lab;

namespace Sixgill.IntegrationTests;

/// <summary>
/// <c>sixgill prepare</c> inside gw, then w1 and w2 of examples/lab.yaml: the gateway runs the
/// native DNS64/NAT64 that Sixgill's steps set up, and an IPv6-only minion reaches the IPv4-only
/// web server by name.
/// </summary>
public sealed class GatewayPrepareTests(GatewayLabFixture fixture) : IClassFixture<GatewayLabFixture>
{
    private const string Synthesized = "fd00:10:64:ff9b::cb00:7150";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task The_gateway_runs_its_bridge_tunnel_routes_table_and_daemons()
    {
        var lab = fixture.Lab;
        TestContext.Current.TestOutputHelper?.WriteLine("prepare wall time: " + string.Join(", ", lab.PrepareTimes.Select(t => $"{t.Key} {t.Value.TotalMilliseconds:0} ms")));
        var gw = lab.Node("gw");

        (await PrepareLab.ShAsync(gw, "ip -br address show dev sixgill0")).ShouldContain("fd00:10::100/64");
        (await PrepareLab.ShAsync(gw, "ip -br link show dev nat64")).ShouldContain("UP");
        var routes = await PrepareLab.ShAsync(gw, "ip -6 route show dev nat64; ip -4 route show dev nat64");
        foreach (var route in new[] { "fd00:10:64:ff9b::/96", "fd00:10::200", "198.51.100.128/25", "198.51.100.2" })
        {
            routes.ShouldContain(route);
        }

        using var tables = JsonDocument.Parse(await PrepareLab.ShAsync(gw, "nft -j list tables"));
        tables.RootElement.GetProperty("nftables").EnumerateArray().Where(e => e.TryGetProperty("table", out _))
            .Select(e => e.GetProperty("table").GetProperty("name").GetString()).ShouldBe(["sixgill"]);

        var named = await lab.PidAsync(GatewayPaths.Default.Dns64PidFile);
        (await PrepareLab.ShAsync(gw, $"ps -o user=,comm= -p {named}")).Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["bind", "named\n"]);
        var tayga = await lab.PidAsync(GatewayPaths.Default.Nat64PidFile);
        (await PrepareLab.ShAsync(gw, $"cat /proc/{tayga}/comm")).Trim().ShouldBe("tayga");
        (await PrepareLab.ShAsync(gw, "stat -c '%U:%G %a' /var/lib/sixgill/dns64 /run/sixgill/dns64")).ShouldBe("bind:bind 750\nbind:bind 750\n");
        (await PrepareLab.ShAsync(gw, $"stat -c '%U %n' {GatewayPaths.Default.Dns64PidFile} {GatewayPaths.Default.Dns64SessionKey}"))
            .ShouldBe($"bind {GatewayPaths.Default.Dns64PidFile}\nbind {GatewayPaths.Default.Dns64SessionKey}\n");
        (await PrepareLab.ShAsync(gw, "cat /proc/sys/net/ipv6/conf/all/forwarding /proc/sys/net/ipv4/ip_forward")).ShouldBe("1\n1\n");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_minion_gets_the_web_servers_address_inside_the_dns64_prefix()
    {
        var answer = await fixture.Lab.Node("w1").RunAsync(["dig", "+short", "@fd00:10::100", InternetZone.WebName, "AAAA"], Cancel);

        answer.StandardOutput.Trim().ShouldBe(Synthesized);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_real_AAAA_record_is_synthesized_away_while_allow_aaaa_use_is_false()
    {
        var answer = await fixture.Lab.Node("w2").RunAsync(["dig", "+short", "@fd00:10::100", InternetZone.DualStackName, "AAAA"], Cancel);

        answer.StandardOutput.Trim().ShouldBe(Synthesized);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task An_IPv6_only_minion_fetches_the_IPv4_only_page_by_name_and_has_no_IPv4_route_at_all()
    {
        var w1 = fixture.Lab.Node("w1");

        var page = await w1.RunAsync(GatewayLab.Curl(InternetServices.WebUrl()), Cancel);

        page.ExitCode.ShouldBe(0, page.StandardError);
        page.StandardOutput.ShouldBe(InternetServices.Page);
        (await w1.RunAsync(["ip", "-4", "route"], Cancel)).StandardOutput.Trim().ShouldBeEmpty();
        using var v4 = JsonDocument.Parse((await w1.RunAsync(["ip", "-4", "-j", "address"], Cancel)).StandardOutput);
        v4.RootElement.EnumerateArray().Where(l => l.GetProperty("addr_info").GetArrayLength() > 0)
            .Select(l => l.GetProperty("ifname").GetString()).ShouldBe(["lo"], "no IPv4 address but loopback's");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Named_checkconf_accepts_the_rendered_config_and_rejects_a_broken_one()
    {
        var gw = fixture.Lab.Node("gw");
        (await gw.RunAsync(["named-checkconf", GatewayPaths.Default.Dns64Config], Cancel)).ExitCode.ShouldBe(0);

        var broken = (await PrepareLab.ShAsync(gw, $"cat {GatewayPaths.Default.Dns64Config}")).Replace("forward only;", "forward sometimes;", StringComparison.Ordinal);
        var check = await gw.RunAsync(new Machine.ProcessRequest(["named-checkconf", "/dev/stdin"]) { StandardInput = broken }, Cancel);

        check.ExitCode.ShouldNotBe(0);
        check.StandardOutput.ShouldContain("'sometimes' unexpected");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Named_itself_refuses_a_broken_config_with_exit_1_and_no_word_hence_the_checker_after_it()
    {
        var gw = fixture.Lab.Node("gw");
        var broken = (await PrepareLab.ShAsync(gw, $"cat {GatewayPaths.Default.Dns64Config}"))
            .Replace("forward only;", "forward sometimes;", StringComparison.Ordinal)
            .Replace(GatewayPaths.Default.Dns64PidFile, "/run/sixgill/dns64/broken.pid", StringComparison.Ordinal);
        var file = $"/etc/sixgill/dns64/broken-{Guid.NewGuid():N}.conf";
        await gw.RunAsync(new Machine.ProcessRequest(["sh", "-c", $"cat > {file}"]) { StandardInput = broken }, Cancel);
        try
        {
            var named = await gw.RunAsync(["named", "-u", "bind", "-c", file], Cancel);

            named.ExitCode.ShouldBe(1);
            (named.StandardOutput + named.StandardError).Trim().ShouldBeEmpty("BIND 9.18 tells syslog only: named-checkconf is what names the line");
            (await PrepareLab.ShAsync(gw, $"pgrep -a -x named | grep -F -- '{file}' || true")).Trim().ShouldBeEmpty("no named runs that config");
        }
        finally
        {
            await PrepareLab.ShAsync(gw, $"rm -f {file}");
        }
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_first_start_of_named_runs_no_named_checkconf_and_a_restart_checks_the_config_before_stopping_it()
    {
        var lab = fixture.Lab;
        var gw = lab.Node("gw");
        (await lab.SixgillAsync("gw", "clean")).ExitCode.ShouldBe(0);

        var first = await lab.SixgillAsync("gw", "prepare", "-vv");

        first.ExitCode.ShouldBe(0, first.StandardError);
        Ran(first.StandardError).ShouldContain($"named -u bind -c {GatewayPaths.Default.Dns64Config}");
        Ran(first.StandardError).ShouldNotContain(r => r.StartsWith("named-checkconf", StringComparison.Ordinal), "named came up: nothing to ask the checker");

        await PrepareLab.ShAsync(gw, $"touch {GatewayPaths.Default.Dns64Config}"); // newer than the pid file: named runs an older config
        var old = await lab.PidAsync(GatewayPaths.Default.Dns64PidFile);
        var restart = await lab.SixgillAsync("gw", "prepare", "-vv");

        restart.ExitCode.ShouldBe(0, restart.StandardError);
        Ran(restart.StandardError).Where(r => r.StartsWith("named", StringComparison.Ordinal))
            .ShouldBe([$"named-checkconf {GatewayPaths.Default.Dns64Config}", $"named -u bind -c {GatewayPaths.Default.Dns64Config}"]);
        (await lab.PidAsync(GatewayPaths.Default.Dns64PidFile)).ShouldNotBe(old);
        (await lab.SixgillAsync("gw", "plan", "--detailed-exitcode")).ExitCode.ShouldBe(0);
    }

    /// <summary>The programs a <c>-vv</c> run lists (by their names, with their arguments).</summary>
    private static List<string> Ran(string trace) =>
        [.. trace.Split('\n').Where(l => l.StartsWith("  ran ", StringComparison.Ordinal))
            .Select(l => l["  ran ".Length..l.LastIndexOf(": ", StringComparison.Ordinal)].Split(' '))
            .Select(c => string.Join(' ', [Path.GetFileName(c[0]), .. c.Skip(1)]))];

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task The_nat44_ruleset_loaded_again_keeps_one_table_with_one_rule()
    {
        var gw = fixture.Lab.Node("gw");
        var ruleset = Nat44Ruleset.Render(Addressing.AddressPlan.For(Config.ConfigLoader.LoadFile(fixture.Lab.ConfigPath).Cluster!));

        (await gw.RunAsync(new Machine.ProcessRequest(["nft", "-f", "-"]) { StandardInput = ruleset }, Cancel)).EnsureSuccess();

        using var table = JsonDocument.Parse(await PrepareLab.ShAsync(gw, string.Join(' ', Nat44Ruleset.ListCommand)));
        table.RootElement.GetProperty("nftables").EnumerateArray().Count(e => e.TryGetProperty("rule", out _)).ShouldBe(1);
        (await fixture.Lab.SixgillAsync("gw", "plan", "--detailed-exitcode")).ExitCode.ShouldBe(0, "the table is still as prepare wants it");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task The_check_after_loading_the_table_reads_the_kernels_echo_which_is_what_a_listing_shows()
    {
        var gw = fixture.Lab.Node("gw");
        var plan = Addressing.AddressPlan.For(Config.ConfigLoader.LoadFile(fixture.Lab.ConfigPath).Cluster!);
        var runner = new RecordingNodeRunner(gw);
        var nft = new Host.Network.NftCommand(runner, () => Host.Network.NetworkNamespaceThread.Run(LabNames.NetnsPath(gw.Namespace), Host.Network.NftablesNetlink.TryOpen));

        // The real nft in gw: load (over the prepared table), the check right after it, then a later look.
        var (echoed, listed) = await Task.Run(() =>
        {
            nft.Load(Nat44Ruleset.Render(plan));
            return (nft.FindTable("ip", "sixgill"), nft.FindTable("ip", "sixgill"));
        }, Cancel);

        runner.Commands.ShouldBe(["nft -e -a -f -", "nft -j list table ip sixgill"], "the first check answered from the load's echo, the second listed");
        var pool = Values.Prefix.Parse("198.51.100.128/25");
        echoed.ShouldNotBeNull().Masquerades.ShouldBe([pool]);
        listed.ShouldNotBeNull().Masquerades.ShouldBe([pool]);
        (await fixture.Lab.SixgillAsync("gw", "plan", "--detailed-exitcode")).ExitCode.ShouldBe(0, "the table is still as prepare wants it");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Prepare_makes_a_missing_table_again_with_one_nft_run_the_load()
    {
        var lab = fixture.Lab;
        var gw = lab.Node("gw");
        await PrepareLab.ShAsync(gw, "nft delete table ip sixgill");

        var again = await lab.SixgillAsync("gw", "prepare", "-vv");

        again.ExitCode.ShouldBe(0, again.StandardOutput + again.StandardError);
        again.StandardOutput.ShouldContain("+ nftables table ip sixgill masquerading 198.51.100.128/25");
        var nftRuns = again.StandardError.Split('\n').Where(l => l.Contains("ran ", StringComparison.Ordinal) && l.Contains("/nft ", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("/nft ", StringComparison.Ordinal) + 1)..l.IndexOf(':', StringComparison.Ordinal)]).ToList();
        nftRuns.ShouldBe(["nft -e -a -f -"], "the probe asked the kernel (no table: no nft); the check after the load reads the load's echo");
        using var table = JsonDocument.Parse(await PrepareLab.ShAsync(gw, string.Join(' ', Nat44Ruleset.ListCommand)));
        table.RootElement.GetProperty("nftables").EnumerateArray().Count(e => e.TryGetProperty("rule", out _)).ShouldBe(1);
        (await lab.SixgillAsync("gw", "plan", "--detailed-exitcode")).ExitCode.ShouldBe(0);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_second_prepare_on_the_gateway_changes_nothing_and_keeps_its_daemons()
    {
        var lab = fixture.Lab;
        var named = await lab.PidAsync(GatewayPaths.Default.Dns64PidFile);

        var again = await lab.SixgillAsync("gw", "prepare", "--output", "json");

        again.ExitCode.ShouldBe(0, again.StandardError);
        using (var report = JsonDocument.Parse(again.StandardOutput))
        {
            report.RootElement.GetProperty("applied").GetInt32().ShouldBe(0);
        }

        (await lab.PidAsync(GatewayPaths.Default.Dns64PidFile)).ShouldBe(named);
        (await lab.SixgillAsync("gw", "plan", "--detailed-exitcode")).ExitCode.ShouldBe(0);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task The_daemons_run_in_the_gateways_namespace_never_in_the_machines()
    {
        var lab = fixture.Lab;
        var machine = new FileInfo("/proc/self/ns/net").LinkTarget;
        var gateway = new FileInfo($"/run/netns/{lab.Node("gw").Namespace}");
        foreach (var pidFile in new[] { GatewayPaths.Default.Dns64PidFile, GatewayPaths.Default.Nat64PidFile })
        {
            var pid = (await lab.PidAsync(pidFile)).ToString(CultureInfo.InvariantCulture);
            var own = new FileInfo($"/proc/{pid}/ns/net").LinkTarget;
            own.ShouldNotBeNull();
            own.ShouldNotBe(machine, pidFile);
        }

        gateway.Exists.ShouldBeTrue();
        foreach (var daemon in new[] { lab.Internet.Dns, lab.Internet.Web })
        {
            new FileInfo($"/proc/{daemon.Pid.ToString(CultureInfo.InvariantCulture)}/ns/net").LinkTarget.ShouldNotBe(machine, string.Join(' ', daemon.Command));
        }
    }
}
