using System.Globalization;
using System.Text.Json;
using Sixgill.Addressing;
using Sixgill.Gateway;
using Sixgill.Host;
using Sixgill.Lab;

namespace Sixgill.IntegrationTests;

/// <summary>
/// The rendered named.conf, tayga.conf and NAT44 ruleset, run for real in a lab from
/// examples/lab.yaml: an IPv6-only minion reaches the IPv4-only web server by name.
/// </summary>
public sealed class GatewayTests(GatewayLabFixture fixture) : IClassFixture<GatewayLabFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Synthesized = "fd00:10:64:ff9b::cb00:7150";

    [Fact]
    public async Task Named_checkconf_accepts_the_rendered_config_and_rejects_a_broken_one()
    {
        var gateway = fixture.Lab.Gateway;

        (await gateway.RunAsync(["named-checkconf", GatewayPaths.Default.Dns64Config], Cancel)).ExitCode.ShouldBe(0);

        var broken = Dns64NamedConf.Render(fixture.Lab.Plan).Replace("forward only;", "forward sometimes;", StringComparison.Ordinal);
        await GatewayLab.WriteAsync(gateway, "/etc/sixgill/broken-named.conf", broken);
        var check = await gateway.RunAsync(["named-checkconf", "/etc/sixgill/broken-named.conf"], Cancel);
        check.ExitCode.ShouldNotBe(0);
        check.StandardOutput.ShouldContain("'sometimes' unexpected");
    }

    [Fact]
    public async Task A_minion_gets_the_web_servers_address_inside_the_dns64_prefix()
    {
        // Timings go to the test output (bench/ is the place for timed assertions).
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"named answered {fixture.Lab.NamedReady.TotalMilliseconds:0} ms after start; first page through TAYGA {fixture.Lab.TaygaReady.TotalMilliseconds:0} ms after its start");
        var answer = await fixture.Lab.Node("w1").RunAsync(["dig", "+short", "@fd00:10::100", InternetZone.WebName, "AAAA"], Cancel);

        answer.StandardOutput.Trim().ShouldBe(Synthesized);
    }

    [Fact]
    public async Task A_real_AAAA_record_is_synthesized_away_when_allow_aaaa_use_is_false()
    {
        var answer = await fixture.Lab.Node("w2").RunAsync(["dig", "+short", "@fd00:10::100", InternetZone.DualStackName, "AAAA"], Cancel);

        answer.StandardOutput.Trim().ShouldBe(Synthesized);
    }

    [Fact]
    public async Task With_allow_aaaa_use_a_real_AAAA_is_used_and_others_still_synthesized()
    {
        // A second instance beside the first, as allow_aaaa_use: true renders it: its own address,
        // its own files (the state directory is a parameter), the same upstream.
        var lab = fixture.Lab;
        var cluster = lab.Cluster with { Dns64 = lab.Cluster.Dns64! with { AllowAaaaUse = true, Address = Ip.Parse("fd00:10::101") } };
        var plan = AddressPlan.For(cluster);
        var paths = new GatewayPaths("/etc/sixgill-aaaa", "/var/lib/sixgill-aaaa");
        Dns64NamedConf.Render(plan, paths).ShouldNotContain("exclude");
        await GatewayLab.CheckedAsync(lab.Gateway, "ip", "address", "add", "fd00:10::101/64", "dev", GatewayServices.SupportBridge, "nodad");

        // Stopped, not disposed: the lab also holds it, and ends it by pid if this test does not.
        var named = await GatewayLab.StartNamedAsync(lab.Gateway, plan, paths);
        try
        {
            var w1 = lab.Node("w1");
            (await GatewayLab.DigUntilAnswerAsync(w1, "fd00:10::101", InternetZone.DualStackName, "AAAA", named)).ShouldBe(InternetZone.DualStackIPv6);
            (await GatewayLab.DigUntilAnswerAsync(w1, "fd00:10::101", InternetZone.WebName, "AAAA", named)).ShouldBe(Synthesized);
        }
        finally
        {
            await named.StopAsync(RunningProcess.DefaultGrace);
        }
    }

    [Fact]
    public async Task An_IPv6_only_minion_fetches_the_IPv4_only_page_by_name_through_NAT64()
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

    [Fact]
    public async Task Named_runs_as_bind_with_its_files_in_its_own_state_directory()
    {
        var lab = fixture.Lab;
        var pid = lab.Named.Pid.ToString(CultureInfo.InvariantCulture);

        (await GatewayLab.CheckedAsync(lab.Gateway, "ps", "-o", "user=", "-p", pid)).StandardOutput.Trim().ShouldBe("bind");
        var files = (await GatewayLab.CheckedAsync(lab.Gateway, "stat", "-c", "%U %n", GatewayPaths.Default.Dns64PidFile, GatewayPaths.Default.Dns64SessionKey)).StandardOutput;
        files.ShouldBe($"bind {GatewayPaths.Default.Dns64PidFile}\nbind {GatewayPaths.Default.Dns64SessionKey}\n");
        (await lab.Gateway.RunAsync(["cat", GatewayPaths.Default.Dns64PidFile], Cancel)).StandardOutput.Trim().ShouldBe(pid);
    }

    [Fact]
    public async Task The_nat44_table_is_the_only_one_and_applying_it_again_keeps_one_rule()
    {
        var gateway = fixture.Lab.Gateway;

        await GatewayLab.CheckedAsync(gateway, "nft", "-f", GatewayPaths.Default.Nat44Ruleset);

        using var tables = JsonDocument.Parse((await GatewayLab.CheckedAsync(gateway, "nft", "-j", "list", "tables")).StandardOutput);
        tables.RootElement.GetProperty("nftables").EnumerateArray()
            .Where(e => e.TryGetProperty("table", out _))
            .Select(e => $"{e.GetProperty("table").GetProperty("family").GetString()} {e.GetProperty("table").GetProperty("name").GetString()}")
            .ShouldBe(["ip sixgill"]);
        using var table = JsonDocument.Parse((await GatewayLab.CheckedAsync(gateway, [.. Nat44Ruleset.ListCommand])).StandardOutput);
        table.RootElement.GetProperty("nftables").EnumerateArray().Count(e => e.TryGetProperty("rule", out _)).ShouldBe(1);
    }

    [Fact]
    public async Task Tayga_has_its_tunnel_and_the_gateway_routes_both_sides_into_it()
    {
        var gateway = fixture.Lab.Gateway;

        (await GatewayLab.CheckedAsync(gateway, "ip", "-6", "route", "show", "dev", "nat64")).StandardOutput
            .ShouldContain("fd00:10:64:ff9b::/96");
        var v4 = (await GatewayLab.CheckedAsync(gateway, "ip", "-4", "route", "show", "dev", "nat64")).StandardOutput;
        v4.ShouldContain("198.51.100.128/25");
        v4.ShouldContain("198.51.100.2");
        fixture.Lab.Tayga.HasExited.ShouldBeFalse(fixture.Lab.Tayga.StandardError);
    }

    [Fact]
    public void The_daemons_run_in_lab_namespaces_never_in_the_machines()
    {
        var lab = fixture.Lab;
        var machine = new FileInfo("/proc/self/ns/net").LinkTarget;
        foreach (var daemon in new[] { lab.Named, lab.Tayga, lab.Internet.Dns, lab.Internet.Web })
        {
            var own = new FileInfo($"/proc/{daemon.Pid.ToString(CultureInfo.InvariantCulture)}/ns/net").LinkTarget;
            own.ShouldNotBeNull();
            own.ShouldNotBe(machine, string.Join(' ', daemon.Command));
        }
    }
}
